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
}
