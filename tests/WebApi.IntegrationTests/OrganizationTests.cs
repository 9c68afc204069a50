using System.Net;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

public sealed class OrganizationTests : ApiTest
{
    [Test]
    public async Task Creating_an_organization_makes_the_caller_its_owner_with_USD_by_default()
    {
        var api = NewApi();
        var account = await api.RegisterAsync();

        var reply = await api.As(account).PostAsync("/api/v1/organizations", new { name = "Second Venture" });

        reply.Status.ShouldBe(HttpStatusCode.Created, reply.Text);
        var id = (string)reply.Json["id"]!;
        reply.Headers.Location!.ToString().ShouldBe($"/api/v1/organizations/{id}");
        ((string?)reply.Json["name"]).ShouldBe("Second Venture");
        ((string?)reply.Json["role"]).ShouldBe("owner");
        ((string?)reply.Json["default_currency"]).ShouldBe("USD");
        ((string?)reply.Json["created_at"]).ShouldEndWith("Z");
    }

    [TestCase("usd")]
    [TestCase("XYZ")]
    [TestCase("EURO")]
    public async Task A_default_currency_that_is_not_an_ISO_4217_code_answers_400(string currency)
    {
        var api = NewApi();
        var account = await api.RegisterAsync();

        var reply = await api.As(account).PostAsync("/api/v1/organizations", new { name = "Bad Money", default_currency = currency });

        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        reply.ErrorsOf("default_currency").ShouldNotBeEmpty();
    }

    [Test]
    public async Task My_organizations_lists_each_with_the_callers_role_there()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api, "Shared Org");

        var reply = await api.As(team.Manager).GetAsync("/api/v1/organizations/me");

        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        var items = reply.Json["items"]!.AsArray();
        items.Count.ShouldBe(2);
        ((string?)items[0]!["role"]).ShouldBe("owner");
        ((string?)items[1]!["name"]).ShouldBe("Shared Org");
        ((string?)items[1]!["role"]).ShouldBe("manager");
        ((string?)items[1]!["default_currency"]).ShouldBe("USD");
    }

    [Test]
    public async Task Any_member_reads_its_organization()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api, "Readable");

        var reply = await api.As(team.Member).GetAsync($"/api/v1/organizations/{team.OrganizationId}");

        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        ((string?)reply.Json["name"]).ShouldBe("Readable");
        ((string?)reply.Json["role"]).ShouldBe("member");
    }

    [Test]
    public async Task An_organization_the_caller_does_not_belong_to_answers_403_whether_or_not_it_exists()
    {
        var api = NewApi();
        var mine = await api.RegisterAsync();
        var theirs = await api.RegisterAsync();

        (await api.As(mine).GetAsync($"/api/v1/organizations/{theirs.OrganizationId}"))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "organization_access_denied");
        (await api.As(mine).GetAsync($"/api/v1/organizations/{Guid.CreateVersion7()}"))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "organization_access_denied");
        (await api.As(mine).PatchAsync($"/api/v1/organizations/{theirs.OrganizationId}", new { name = "Taken over" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "organization_access_denied");
    }

    [TestCase("owner")]
    [TestCase("admin")]
    public async Task Owner_and_admin_change_the_organizations_settings(string role)
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);

        var reply = await api.As(team[role]).PatchAsync(
            $"/api/v1/organizations/{team.OrganizationId}", new { name = "Renamed", default_currency = "EUR" });

        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        ((string?)reply.Json["name"]).ShouldBe("Renamed");
        ((string?)reply.Json["default_currency"]).ShouldBe("EUR");
        var read = await api.As(team.Member).GetAsync($"/api/v1/organizations/{team.OrganizationId}");
        ((string?)read.Json["default_currency"]).ShouldBe("EUR");
    }

    [Test]
    public async Task A_partial_update_leaves_the_other_settings_as_they_were()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync(organization: "Keep Name");

        var reply = await api.As(owner).PatchAsync($"/api/v1/organizations/{owner.OrganizationId}", new { default_currency = "JPY" });

        ((string?)reply.Json["name"]).ShouldBe("Keep Name");
        ((string?)reply.Json["default_currency"]).ShouldBe("JPY");
    }

    [TestCase("manager")]
    [TestCase("member")]
    public async Task Manager_and_member_cannot_change_the_organizations_settings(string role)
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api, "Unchanged");

        var reply = await api.As(team[role]).PatchAsync($"/api/v1/organizations/{team.OrganizationId}", new { name = "Mine now" });

        reply.ShouldBeProblem(HttpStatusCode.Forbidden, "insufficient_role");
        var read = await api.As(team.Owner).GetAsync($"/api/v1/organizations/{team.OrganizationId}");
        ((string?)read.Json["name"]).ShouldBe("Unchanged");
    }

    [Test]
    public async Task Updating_with_an_invalid_currency_or_blank_name_answers_400()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();

        var reply = await api.As(owner).PatchAsync($"/api/v1/organizations/{owner.OrganizationId}", new { name = " ", default_currency = "eur" });

        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        reply.ErrorsOf("name").ShouldNotBeEmpty();
        reply.ErrorsOf("default_currency").ShouldNotBeEmpty();
    }
}
