using System.Net;
using Crm.TestSupport;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

public sealed class RateLimitTests : ApiTest
{
    /// <summary>Small buckets that refill slowly, so that a test drains them well within one refill period.</summary>
    private static Dictionary<string, string?> Limits(int perUser, int perOrganization, int proPerUser = 50) => new()
    {
        ["RateLimits:Enabled"] = "true",
        ["RateLimits:Plans:Free:PerUser:TokenLimit"] = perUser.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:Plans:Free:PerUser:Period"] = "01:00:00",
        ["RateLimits:Plans:Free:PerOrganization:TokenLimit"] = perOrganization.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:Plans:Free:PerOrganization:Period"] = "01:00:00",
        ["RateLimits:Plans:Pro:PerUser:TokenLimit"] = proPerUser.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:Plans:Pro:PerUser:Period"] = "01:00:00",
        ["RateLimits:Plans:Pro:PerOrganization:TokenLimit"] = "100",
        ["RateLimits:Plans:Pro:PerOrganization:Period"] = "01:00:00",
    };

    [Test]
    public async Task Each_user_has_a_bucket_and_its_headers_count_down_to_a_429_with_retry_after()
    {
        await using var limited = new CrmApiFactory(Testing.Database.ConnectionString, settings: Limits(perUser: 3, perOrganization: 100));
        var api = new Api(limited.CreateClient());
        var team = await Team.CreateAsync(api);
        var member = api.As(team.Member);

        for (var remaining = 2; remaining >= 0; remaining--)
        {
            var reply = await member.GetAsync("/api/v1/contacts");
            reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
            Header(reply, "RateLimit-Limit").ShouldBe("3");
            Header(reply, "RateLimit-Remaining").ShouldBe(remaining.ToString(System.Globalization.CultureInfo.InvariantCulture));
            int.Parse(Header(reply, "RateLimit-Reset")!).ShouldBeGreaterThan(0);
        }

        var refused = await member.GetAsync("/api/v1/contacts");
        refused.ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate_limited");
        ((string?)refused.Json["detail"] ?? string.Empty).ShouldContain("plan's limit");
        int.Parse(refused.Headers.RetryAfter!.ToString()).ShouldBeGreaterThan(0);
        Header(refused, "RateLimit-Remaining").ShouldBe("0");
        (await api.As(team.Manager).GetAsync("/api/v1/contacts")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task An_organization_has_a_bucket_that_all_its_members_share()
    {
        var team = await Team.CreateAsync(NewApi());
        await using var limited = new CrmApiFactory(Testing.Database.ConnectionString, settings: Limits(perUser: 50, perOrganization: 4));
        var api = new Api(limited.CreateClient());

        for (var i = 0; i < 2; i++)
        {
            (await api.As(team.Owner).GetAsync("/api/v1/deals")).Status.ShouldBe(HttpStatusCode.OK);
            (await api.As(team.Member).GetAsync("/api/v1/deals")).Status.ShouldBe(HttpStatusCode.OK);
        }

        (await api.As(team.Manager).GetAsync("/api/v1/deals")).ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate_limited");
        var elsewhere = await api.RegisterAsync();
        (await api.As(elsewhere).GetAsync("/api/v1/deals")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task The_organizations_plan_sets_its_limits()
    {
        await using var limited = new CrmApiFactory(Testing.Database.ConnectionString, settings: Limits(perUser: 2, perOrganization: 100, proPerUser: 5));
        var api = new Api(limited.CreateClient());
        var account = await api.RegisterAsync();
        await using (var upgrade = Testing.Database.DataSource.CreateCommand($"UPDATE organizations SET plan = 'pro' WHERE id = '{account.OrganizationId}'"))
        {
            await upgrade.ExecuteNonQueryAsync();
        }

        ((string?)(await api.As(account).GetAsync($"/api/v1/organizations/{account.OrganizationId}")).Json["plan"]).ShouldBe("pro");
        for (var i = 1; i < 5; i++)
        {
            var reply = await api.As(account).GetAsync("/api/v1/contacts");
            reply.Status.ShouldBe(HttpStatusCode.OK);
            Header(reply, "RateLimit-Limit").ShouldBe("5");
        }

        (await api.As(account).GetAsync("/api/v1/contacts")).ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate_limited");
    }

    [Test]
    public async Task With_Redis_the_limits_hold_across_instances()
    {
        var settings = Limits(perUser: 3, perOrganization: 100);
        settings["Caching:Redis"] = TestRedis.Configuration;
        settings["Caching:RedisPrefix"] = $"t{Guid.NewGuid():N}:";
        await using var first = new CrmApiFactory(Testing.Database.ConnectionString, settings: settings);
        await using var second = new CrmApiFactory(Testing.Database.ConnectionString, settings: settings);
        var one = new Api(first.CreateClient());
        var two = new Api(second.CreateClient());
        var account = await one.RegisterAsync();

        (await one.As(account).GetAsync("/api/v1/contacts")).Status.ShouldBe(HttpStatusCode.OK);
        (await two.As(account).GetAsync("/api/v1/contacts")).Status.ShouldBe(HttpStatusCode.OK);
        (await one.As(account).GetAsync("/api/v1/contacts")).Status.ShouldBe(HttpStatusCode.OK);

        (await two.As(account).GetAsync("/api/v1/contacts")).ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate_limited");
    }

    [Test]
    public async Task With_Redis_failed_sign_ins_are_counted_across_instances()
    {
        var settings = new Dictionary<string, string?> { ["Caching:Redis"] = TestRedis.Configuration, ["Caching:RedisPrefix"] = $"t{Guid.NewGuid():N}:" };
        await using var first = new CrmApiFactory(Testing.Database.ConnectionString, settings: settings);
        await using var second = new CrmApiFactory(Testing.Database.ConnectionString, settings: settings);
        var one = new Api(first.CreateClient());
        var two = new Api(second.CreateClient());
        var account = await one.RegisterAsync();

        for (var i = 0; i < 5; i++)
        {
            var api = i % 2 == 0 ? one : two;
            (await api.From($"10.7.0.{i}").PostAsync("/api/v1/auth/login", new { email = account.Email, password = "wrong-password" }))
                .Status.ShouldBe(HttpStatusCode.Unauthorized);
        }

        (await two.From("10.7.1.1").PostAsync("/api/v1/auth/login", new { email = account.Email, password = account.Password }))
            .ShouldBeProblem(HttpStatusCode.TooManyRequests, "too_many_login_attempts");
    }

    private static string? Header(Reply reply, string name) =>
        reply.Headers.TryGetValues(name, out var values) ? values.Single() : null;
}
