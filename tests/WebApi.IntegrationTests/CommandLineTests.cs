using System.Net;
using Crm.Infrastructure.Exports;
using Crm.Infrastructure.Seeding;
using Crm.WebApi.Cli;
using Crm.WebApi.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.WebApi.IntegrationTests;

public sealed class CommandLineTests : ApiTest
{
    [TestCase("seed", "--contacts", "-1")]
    [TestCase("seed", "--organizations", "0")]
    [TestCase("seed", "--deals", "many")]
    [TestCase("seed", "--unknown-option")]
    [TestCase("seed", "--demo-password", "short")]
    [TestCase("export", "--type", "deals", "--out", "x.csv")]
    [TestCase("export", "--organization", "not-an-id", "--type", "deals", "--out", "x.csv")]
    [TestCase("export", "--organization", "01a25195-8454-7a71-8e40-7eaabc9110ff", "--type", "invoices", "--out", "x.csv")]
    [TestCase("export", "--organization", "01a25195-8454-7a71-8e40-7eaabc9110ff", "--type", "deals", "--format", "pdf", "--out", "x.csv")]
    [TestCase("export", "--organization", "01a25195-8454-7a71-8e40-7eaabc9110ff", "--type", "deals", "--out", "x.csv", "--filter", "colour=red")]
    [TestCase("export", "--organization", "01a25195-8454-7a71-8e40-7eaabc9110ff", "--type", "deals", "--out", "x.csv", "--filter", "status")]
    public async Task Bad_arguments_exit_with_code_2(params string[] args)
    {
        (await CrmCommandLine.InvokeAsync(args)).ShouldBe(CrmCommandLine.BadArguments);
    }

    [Test]
    public async Task Help_exits_successfully()
    {
        (await CrmCommandLine.InvokeAsync(["seed", "--help"])).ShouldBe(0);
    }

    [Test]
    public async Task Seeded_users_sign_in_and_see_their_organizations_pipeline()
    {
        await Testing.Factory.Services.GetRequiredService<BulkSeeder>().SeedAsync(new SeedOptions(Contacts: 10, Deals: 25, Tasks: 5, Activities: 80), null, CancellationToken.None);
        var api = NewApi();

        var manager = await api.LoginAsync("manager@demo.crm.test", SeedOptions.DevelopmentPassword);

        var deals = await api.As(manager).GetAsync("/api/v1/deals?page_size=100");
        ((int?)deals.Json["total"]).ShouldBe(25);
        var summary = await api.As(manager).GetAsync("/api/v1/analytics/deals/summary?days=365");
        ((int?)summary.Json["totals"]!["count"]).ShouldBe(25);
        var someDeal = (string)deals.Json["items"]![0]!["id"]!;
        (await api.As(manager).GetAsync($"/api/v1/deals/{someDeal}/activities")).Status.ShouldBe(HttpStatusCode.OK);

        // A few custom fields per record type, with values on the records that the lists filter and order by.
        var fields = (await api.As(manager).GetAsync("/api/v1/custom-fields")).Json["items"]!.AsArray();
        fields.Select(f => (string?)f!["record_type"]).Distinct().Order().ShouldBe(["company", "contact", "deal"]);
        var high = await api.As(manager).GetAsync("/api/v1/deals?cf.priority=high&order_by=cf.probability&page_size=100");
        high.Status.ShouldBe(HttpStatusCode.OK, high.Text);
        var probabilities = high.Json["items"]!.AsArray().Select(d => (decimal)d!["custom_fields"]!["probability"]!).ToList();
        probabilities.ShouldNotBeEmpty();
        probabilities.ShouldBeInOrder();
        high.Json["items"]!.AsArray().ShouldAllBe(d => (string?)d!["custom_fields"]!["priority"] == "high");
    }

    [Test]
    public async Task The_export_command_writes_what_the_list_shows_the_organizations_owner_with_its_filters()
    {
        await Testing.Factory.Services.GetRequiredService<BulkSeeder>().SeedAsync(new SeedOptions(Contacts: 10, Deals: 40, Tasks: 5, Activities: 80), null, CancellationToken.None);
        var api = NewApi();
        var owner = await api.LoginAsync("owner@demo.crm.test", SeedOptions.DevelopmentPassword);
        var won = await api.As(owner).GetAsync("/api/v1/deals?status=won&status=lost&page_size=100");
        var query = Http.ExportFilterBinder.Bind(Domain.Exports.ExportRecordType.Deals, System.Text.Json.JsonSerializer.SerializeToElement(new { status = new[] { "won", "lost" } }));
        using var output = new MemoryStream();
        var reports = new List<ExportProgress>();

        var rows = await Testing.Factory.Services.GetRequiredService<IOrganizationExporter>().ExportAsync(
            owner.OrganizationId, Domain.Exports.ExportRecordType.Deals, Domain.Exports.ExportFormat.Json, query, output,
            new SynchronousProgress(reports.Add), CancellationToken.None);

        rows.ShouldBe((long)(int)won.Json["total"]!);
        var written = System.Text.Json.Nodes.JsonNode.Parse(output.ToArray())!.AsArray();
        written.Select(d => (string?)d!["id"]).Order().ShouldBe(won.Json["items"]!.AsArray().Select(d => (string?)d!["id"]).Order());
        written.ShouldAllBe(d => (string?)d!["status"] == "won" || (string?)d!["status"] == "lost");
        reports.ShouldNotBeEmpty();
        reports[^1].ShouldBe(new ExportProgress(rows, rows));
    }

    private sealed class SynchronousProgress(Action<ExportProgress> report) : IProgress<ExportProgress>
    {
        public void Report(ExportProgress value) => report(value);
    }

    [Test]
    public async Task Development_console_lines_put_a_space_between_the_time_and_the_level()
    {
        using var service = new System.Diagnostics.Process
        {
            StartInfo = new System.Diagnostics.ProcessStartInfo("dotnet", [RepositoryFiles.ServiceAssembly(), "serve", "--urls", "http://127.0.0.1:0"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment =
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Development",
                    // A database that does not exist: the console is under test, not the service, which must not touch the tests' data.
                    ["ConnectionStrings__Crm"] = new Npgsql.NpgsqlConnectionStringBuilder(Testing.Database.ConnectionString) { Database = "crm_absent" }.ConnectionString,
                    ["DOTNET_NOLOGO"] = "1",
                },
            },
        };
        var firstLine = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new System.Text.StringBuilder();
        service.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } text)
            {
                firstLine.TrySetResult(text);
            }
        };
        service.ErrorDataReceived += (_, e) => { lock (errors) { errors.AppendLine(e.Data); } };
        service.Start();
        service.BeginOutputReadLine();
        service.BeginErrorReadLine();
        try
        {
            var answered = await Task.WhenAny(firstLine.Task, service.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(90)));
            answered.ShouldBeSameAs(firstLine.Task, $"no console line; standard error: {errors}");
            (await firstLine.Task).ShouldMatch(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z (info|warn|fail|crit|dbug|trce): ");
        }
        finally
        {
            if (!service.HasExited)
            {
                service.Kill(entireProcessTree: true);
            }

            await service.WaitForExitAsync();
        }
    }
}
