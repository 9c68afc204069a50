using System.CommandLine;
using System.Globalization;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Security;
using Crm.Application.Imports.Commands.CreateImport;
using Crm.Application.Imports.Common;
using Crm.Domain.Imports;
using Crm.Domain.Organizations;
using Crm.Infrastructure.Data;
using Crm.Infrastructure.Imports;
using Crm.WebApi.Http;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Crm.WebApi.Cli;

/// <summary>
/// <c>import</c>: a CSV or XLSX file into an organization's contacts or companies, as the API's imports do (same checks, same
/// chunks), run here and now, attributed to the organization's first owner (or <c>--as</c> a member who may import).
/// The failed rows are written beside the file as <c>&lt;file&gt;.errors.csv</c>.
/// </summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var organization = new Option<Guid>("--organization") { Description = "The organization's id.", Required = true };
        var type = new Option<string>("--type") { Description = "contacts or companies.", DefaultValueFactory = _ => "contacts" };
        var file = new Option<FileInfo>("--file") { Description = "The CSV (UTF-8) or XLSX file.", Required = true };
        var map = new Option<string[]>("--map")
        {
            Description = "A column mapped to a field, as header=field (contacts: name, email, phone, external_id, owner_id, owner_email, tags, company_domain, company_name, cf.<key>; companies: name, domain, industry, employee_count, website, phone, address_*, owner_id, owner_email, tags, cf.<key>); repeat it.",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var upsert = new Option<string?>("--upsert") { Description = "Update the record a row matches on email or external_id (contacts), or domain (companies), instead of creating one." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check and count every row without writing anything." };
        var createCompanies = new Option<bool>("--create-companies") { Description = "Create, once each, the companies the contacts' rows name that the organization lacks." };
        var actor = new Option<Guid?>("--as") { Description = "The member the import is attributed to (an owner, admin or manager); the first owner by default." };
        var command = new Command("import", "Import a CSV or XLSX file into an organization's contacts or companies, with the API's checks; failed rows go to <file>.errors.csv.")
        {
            organization, type, file, map, upsert, dryRun, createCompanies, actor,
        };
        command.SetAction((parse, ct) => parse.UnmatchedTokens.Count > 0
            ? Refuse($"Unknown arguments: {string.Join(' ', parse.UnmatchedTokens)}. Run import --help for the options.")
            : RunAsync(
                parse.GetValue(organization), parse.GetValue(type)!, parse.GetValue(file)!, parse.GetValue(map) ?? [],
                parse.GetValue(upsert), parse.GetValue(dryRun), parse.GetValue(createCompanies), parse.GetValue(actor), ct));
        return command;
    }

    private static async Task<int> RunAsync(
        Guid organizationId, string type, FileInfo input, string[] map, string? upsert, bool dryRun, bool createCompanies, Guid? actorId,
        CancellationToken ct)
    {
        ImportRecordType recordType;
        ImportMatch? match;
        Dictionary<string, string> mapping;
        try
        {
            recordType = QueryValues.Enum<ImportRecordType>("--type", type)!.Value;
            match = upsert is null ? null : QueryValues.Enum<ImportMatch>("--upsert", upsert);
            mapping = Mapping(map);
        }
        catch (ValidationException invalid)
        {
            return await Refuse(string.Join(Environment.NewLine, invalid.Errors.Select(e => $"{e.Key}: {string.Join("; ", e.Value)}")));
        }
        catch (FormatException bad)
        {
            return await Refuse(bad.Message);
        }

        if (!input.Exists)
        {
            return await Refuse($"--file {input.FullName}: no such file.");
        }

        await using var app = CrmHost.CreateBuilder([]).Build();
        var started = System.Diagnostics.Stopwatch.StartNew();
        ImportJobDto job;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var member = await db.Set<Membership>().AsNoTracking()
                .Where(m => m.OrganizationId == organizationId && (actorId == null ? m.Role == MemberRole.Owner : m.UserId == actorId))
                .OrderBy(m => m.CreatedAt).FirstOrDefaultAsync(ct);
            if (member is null)
            {
                return await Refuse(actorId is null ? $"No organization {organizationId} with an owner." : $"{actorId} is not a member of organization {organizationId}.");
            }

            var context = scope.ServiceProvider.GetRequiredService<RequestContext>();
            context.SetUser(member.UserId, null);
            context.SetOrganization(organizationId, member.Role);
            try
            {
                await using var content = new FileStream(input.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 81_920);
                job = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(
                    new CreateImportCommand(recordType, mapping, match is null ? ImportMode.Create : ImportMode.Upsert, match, dryRun, null, input.Name, input.Length, content, createCompanies), ct);
            }
            catch (Exception e) when (e is ValidationException or CodedException or Domain.Common.BusinessRuleException)
            {
                return await Refuse(e is ValidationException invalid
                    ? string.Join(Environment.NewLine, invalid.Errors.Select(x => $"{x.Key}: {string.Join("; ", x.Value)}"))
                    : e.Message);
            }
        }

        var runner = app.Services.GetRequiredService<IImportRunner>();
        var run = Task.Run(async () =>
        {
            while (await runner.RunNextAsync(ct) && await StatusAsync(app.Services, job.Id, ct) is ImportStatus.Queued or ImportStatus.Running)
            {
            }
        }, ct);
        if (Interactive)
        {
            await AnsiConsole.Progress().AutoClear(false).StartAsync(async context =>
            {
                var bar = context.AddTask($"{input.Name} → {recordType.ToString().ToLowerInvariant()}", maxValue: Math.Max(job.Progress.RowsTotal, 1));
                while (!run.IsCompleted)
                {
                    bar.Value = await RowsDoneAsync(app.Services, job.Id, ct);
                    await Task.WhenAny(run, Task.Delay(500, ct));
                }

                bar.Value = await RowsDoneAsync(app.Services, job.Id, ct);
            });
        }
        else
        {
            while (!run.IsCompleted)
            {
                await Task.WhenAny(run, Task.Delay(2_000, ct));
                var done = await RowsDoneAsync(app.Services, job.Id, ct);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{done:N0} of {job.Progress.RowsTotal:N0} rows"));
            }
        }

        await run;
        return await ReportAsync(app.Services, job.Id, input, started.Elapsed, ct);
    }

    /// <summary>Prints the outcome and writes the failed rows beside the input.</summary>
    private static async Task<int> ReportAsync(IServiceProvider services, Guid id, FileInfo input, TimeSpan elapsed, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var job = await db.Set<ImportJob>().IgnoreQueryFilters().AsNoTracking().SingleAsync(j => j.Id == id, ct);
        var seconds = Math.Max(elapsed.TotalSeconds, 0.001);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Import {job.Id} {job.Status.ToString().ToLowerInvariant()}{(job.DryRun ? " (dry run)" : string.Empty)}: {job.Created:N0} created, {job.Updated:N0} updated, {job.Unchanged:N0} unchanged, {job.Failed:N0} failed of {job.RowsTotal:N0} rows in {seconds:0.0} s ({job.RowsDone / seconds * 60:N0} rows/min)."));
        if (job.Failed > 0)
        {
            var errors = new FileInfo(input.FullName + ".errors.csv");
            await using (var output = new FileStream(errors.FullName, FileMode.Create, FileAccess.Write, FileShare.None, 65_536, FileOptions.Asynchronous))
            {
                await scope.ServiceProvider.GetRequiredService<IImportErrorsFile>().WriteAsync(job, output, ct);
            }

            Console.WriteLine($"Failed rows: {errors.FullName}");
        }

        if (job.Status != ImportStatus.Succeeded)
        {
            await Console.Error.WriteLineAsync($"The import ended {job.Status.ToString().ToLowerInvariant()}: {job.ErrorCode}");
            return 1;
        }

        return 0;
    }

    private static async Task<ImportStatus> StatusAsync(IServiceProvider services, Guid id, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Set<ImportJob>().IgnoreQueryFilters()
            .Where(j => j.Id == id).Select(j => j.Status).SingleAsync(ct);
    }

    private static async Task<long> RowsDoneAsync(IServiceProvider services, Guid id, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Set<ImportJob>().IgnoreQueryFilters()
            .Where(j => j.Id == id).Select(j => j.RowsDone).SingleAsync(ct);
    }

    /// <summary>The --map values as the API's mapping: column header to field.</summary>
    private static Dictionary<string, string> Mapping(string[] map)
    {
        var mapping = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in map)
        {
            var equals = pair.LastIndexOf('=');
            if (equals <= 0 || equals == pair.Length - 1)
            {
                throw new FormatException($"--map {pair}: write it as header=field.");
            }

            mapping[pair[..equals]] = pair[(equals + 1)..];
        }

        return mapping;
    }

    private static async Task<int> Refuse(string message)
    {
        await Console.Error.WriteLineAsync(message);
        return CrmCommandLine.BadArguments;
    }

    private static bool Interactive => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
}
