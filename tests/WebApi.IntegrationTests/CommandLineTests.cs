using System.Net;
using Crm.Infrastructure.Seeding;
using Crm.WebApi.Cli;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.WebApi.IntegrationTests;

public sealed class CommandLineTests : ApiTest
{
    [TestCase("seed", "--contacts", "-1")]
    [TestCase("seed", "--organizations", "0")]
    [TestCase("seed", "--deals", "many")]
    [TestCase("seed", "--unknown-option")]
    [TestCase("seed", "--demo-password", "short")]
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
    }
}
