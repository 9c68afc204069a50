using System.Net;
using Crm.TestSupport;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

public sealed class AbuseTests : ApiTest
{
    [TestCase(false)]
    [TestCase(true)]
    public async Task Two_hundred_parallel_wrong_passwords_for_one_email_evaluate_at_most_five(bool redis)
    {
        CountingPasswordHasher? hasher = null;
        var settings = new Dictionary<string, string?>();
        if (redis)
        {
            settings["Caching:Redis"] = TestRedis.Configuration;
            settings["Caching:RedisPrefix"] = $"test-{Guid.NewGuid():N}:";
        }

        await using var factory = new CrmApiFactory(
            Testing.Database.ConnectionString, settings: settings, services: CountingPasswordHasher.Install(h => hasher = h));
        var api = new Api(factory.CreateClient());
        var account = await api.RegisterAsync();

        var replies = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() =>
            api.From($"10.3.{i / 100}.{(i % 100) + 1}").PostAsync("/api/v1/auth/login", new { email = account.Email, password = "wrong-password" }))));

        hasher!.Verifications.ShouldBeLessThanOrEqualTo(5);
        replies.Count(r => r.Status == HttpStatusCode.Unauthorized).ShouldBe(hasher.Verifications);
        replies.Where(r => r.Status != HttpStatusCode.Unauthorized)
            .ShouldAllBe(r => r.Status == HttpStatusCode.TooManyRequests && r.Headers.RetryAfter != null);
        replies.Length.ShouldBe(200);
    }

    [Test]
    public async Task Two_parallel_uses_of_one_refresh_token_give_at_most_one_pair_and_revoke_the_family()
    {
        for (var round = 0; round < 5; round++)
        {
            var api = NewApi();
            var account = await api.RegisterAsync();

            var replies = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
                api.PostAsync("/api/v1/auth/refresh", new { refresh_token = account.RefreshToken }))));

            replies.Count(r => r.Status == HttpStatusCode.OK).ShouldBeLessThanOrEqualTo(1);
            replies.Where(r => r.Status != HttpStatusCode.OK)
                .ShouldAllBe(r => r.Status == HttpStatusCode.Unauthorized && (string?)r.Json["code"] == "refresh_token_reused");
            foreach (var winner in replies.Where(r => r.Status == HttpStatusCode.OK))
            {
                (await api.PostAsync("/api/v1/auth/refresh", new { refresh_token = (string)winner.Json["refresh_token"]! }))
                    .Status.ShouldBe(HttpStatusCode.Unauthorized);
                (await api.WithToken((string?)winner.Json["access_token"]).GetAsync("/api/v1/auth/me"))
                    .ShouldBeProblem(HttpStatusCode.Unauthorized, "session_revoked");
            }

            (await api.WithToken(account.AccessToken).GetAsync("/api/v1/auth/me"))
                .ShouldBeProblem(HttpStatusCode.Unauthorized, "session_revoked");
        }
    }

    [Test]
    public async Task Anonymous_endpoints_limit_each_client_address_with_headers_and_retry_after()
    {
        await using var limited = new CrmApiFactory(Testing.Database.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["RateLimits:Enabled"] = "true",
            ["RateLimits:PerClientAddress:TokenLimit"] = "3",
            ["RateLimits:PerClientAddress:Period"] = "01:00:00",
        });
        var client = new Api(limited.CreateClient()).From("10.4.0.1");

        for (var remaining = 2; remaining >= 0; remaining--)
        {
            var reply = await client.PostAsync("/api/v1/auth/forgot-password", new { email = "someone@example.com" });
            reply.Status.ShouldBe(HttpStatusCode.Accepted, reply.Text);
            Header(reply, "RateLimit-Limit").ShouldBe("3");
            Header(reply, "RateLimit-Remaining").ShouldBe(remaining.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var refused = await client.PostAsync("/api/v1/auth/login", new { email = "someone@example.com", password = "whatever-pass" });
        refused.ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate_limited");
        ((string?)refused.Json["detail"] ?? string.Empty).ShouldContain("client address");
        int.Parse(refused.Headers.RetryAfter!.ToString()).ShouldBeGreaterThan(0);
        Header(refused, "RateLimit-Remaining").ShouldBe("0");
        (await client.PostAsync("/api/v1/auth/refresh", new { refresh_token = "x" })).Status.ShouldBe(HttpStatusCode.TooManyRequests);
        (await client.From("10.4.0.2").PostAsync("/api/v1/auth/login", new { email = "someone@example.com", password = "whatever-pass" }))
            .ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Test]
    public async Task X_Forwarded_For_names_the_client_only_when_the_peer_is_a_known_proxy()
    {
        // None is trusted by default (the shared host, built before any host of this test).
        (await SessionAddress(Testing.Factory, peer: "10.5.0.1", forwardedFor: "203.0.113.10")).ShouldBe("10.5.0.1");
        await using var behindProxy = new CrmApiFactory(Testing.Database.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies:0"] = "10.5.0.1",
            ["ForwardedHeaders:KnownNetworks:0"] = "10.6.0.0/16",
        });

        (await SessionAddress(behindProxy, peer: "10.5.0.1", forwardedFor: "203.0.113.7")).ShouldBe("203.0.113.7");
        (await SessionAddress(behindProxy, peer: "10.6.3.4", forwardedFor: "198.51.100.1, 203.0.113.8")).ShouldBe("203.0.113.8");
        (await SessionAddress(behindProxy, peer: "10.7.0.1", forwardedFor: "203.0.113.9")).ShouldBe("10.7.0.1");
    }

    /// <summary>Registers through the given peer and answers the client address the new session was stamped with.</summary>
    private static async Task<string?> SessionAddress(CrmApiFactory factory, string peer, string forwardedFor)
    {
        using var http = factory.CreateClient();
        var email = $"user-{Guid.NewGuid():N}@example.com";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/register")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { email, password = Api.DefaultPassword, name = "Proxied", organization_name = "Proxied Org" }),
        };
        request.Headers.Add(CrmApiFactory.ClientAddressHeader, peer);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        var response = await http.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await Testing.Database.ScalarAsync<string>(
            $"SELECT s.client_address FROM user_sessions s JOIN users u ON u.id = s.user_id WHERE u.email = '{email}'");
    }

    [Test]
    public async Task Forgot_password_sends_at_most_three_links_an_hour_to_one_address_and_still_answers_202()
    {
        var api = NewApi();
        var account = await api.RegisterAsync();
        var countSql = $"SELECT count(*) FROM outbox_messages WHERE recipient = '{account.Email}'";
        var registered = await Testing.Database.ScalarAsync<long>(countSql);

        for (var i = 0; i < 5; i++)
        {
            (await api.PostAsync("/api/v1/auth/forgot-password", new { email = account.Email })).Status.ShouldBe(HttpStatusCode.Accepted);
            await PasswordResets.WorkedAsync();
        }

        (await Testing.Database.ScalarAsync<long>(countSql)).ShouldBe(registered + 3, "three links beside what registering sent");
    }

    private static string? Header(Reply reply, string name) =>
        reply.Headers.TryGetValues(name, out var values) ? values.Single() : null;
}
