using System.Net;
using Crm.TestSupport;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

/// <summary>Two instances of the service sharing one database (and, where configured, one Redis).</summary>
public sealed class MultiInstanceTests : ApiTest
{
    [TestCase(false)]
    [TestCase(true)]
    public async Task A_write_on_one_instance_invalidates_the_other_instances_cached_analytics(bool redis)
    {
        var settings = redis ? new Dictionary<string, string?> { ["Caching:Redis"] = TestRedis.Configuration, ["Caching:RedisPrefix"] = $"t{Guid.NewGuid():N}:" } : [];
        await using var first = new CrmApiFactory(Testing.Database.ConnectionString, settings: settings);
        await using var second = new CrmApiFactory(Testing.Database.ConnectionString, settings: settings);
        var one = new Api(first.CreateClient());
        var two = new Api(second.CreateClient());
        var account = await one.RegisterAsync();
        await one.As(account).CreateDealAsync(amount: 10m);
        (await Total(two.As(account))).ShouldBe(1);
        (await Total(one.As(account))).ShouldBe(1);

        await one.As(account).CreateDealAsync(amount: 20m);

        (await Total(two.As(account))).ShouldBe(2, "the second instance must not serve its stale cached answer");
    }

    [Test]
    public async Task A_cache_that_is_down_never_fails_a_request()
    {
        await using var broken = new CrmApiFactory(
            Testing.Database.ConnectionString,
            settings: new Dictionary<string, string?> { ["Caching:Redis"] = TestRedis.Unreachable, ["Caching:Timeout"] = "00:00:00.100" });
        var api = new Api(broken.CreateClient());
        var account = await api.RegisterAsync();
        await api.As(account).CreateDealAsync(amount: 10m);

        for (var i = 0; i < 6; i++)
        {
            (await Total(api.As(account))).ShouldBe(1);
        }

        await api.As(account).CreateDealAsync(amount: 5m);
        (await Total(api.As(account))).ShouldBe(2);
    }

    private static async Task<int?> Total(Api api)
    {
        var reply = await api.GetAsync("/api/v1/analytics/deals/summary");
        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        return (int?)reply.Json["totals"]!["count"];
    }
}
