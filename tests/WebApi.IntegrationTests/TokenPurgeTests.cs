using System.Net;
using Crm.Infrastructure.Identity;
using Microsoft.Extensions.DependencyInjection;

using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

public sealed class TokenPurgeTests : ApiTest
{
    [Test]
    public async Task Dead_sessions_tokens_and_delivered_links_are_purged_while_live_ones_stay()
    {
        var api = NewApi();
        var live = await api.RegisterAsync();
        var gone = await api.RegisterAsync();
        (await api.WithToken(gone.AccessToken).PostAsync("/api/v1/auth/logout")).Status.ShouldBe(HttpStatusCode.NoContent);
        (await api.PostAsync("/api/v1/auth/forgot-password", new { email = live.Email })).Status.ShouldBe(HttpStatusCode.Accepted);
        await PasswordResets.WorkedAsync();
        await Sql($"UPDATE user_sessions SET revoked_at = now() - interval '30 days' WHERE user_id = '{gone.UserId}'");
        await Sql($"UPDATE password_reset_tokens SET expires_at = now() - interval '30 days' WHERE user_id = '{live.UserId}'");
        await Sql($"UPDATE outbox_messages SET status = 'sent', sent_at = now() WHERE recipient = '{live.Email}' AND template = 'password_reset'");

        var purged = await Testing.Factory.Services.GetRequiredService<TokenPurgeJob>().PurgeAsync(CancellationToken.None);

        purged.ShouldBeGreaterThanOrEqualTo(4);
        (await Count($"SELECT count(*) FROM user_sessions WHERE user_id = '{gone.UserId}'")).ShouldBe(0);
        (await Count($"SELECT count(*) FROM refresh_tokens t JOIN user_sessions s ON s.id = t.session_id WHERE s.user_id = '{gone.UserId}'")).ShouldBe(0);
        (await Count($"SELECT count(*) FROM password_reset_tokens WHERE user_id = '{live.UserId}'")).ShouldBe(0);
        (await Count($"SELECT count(*) FROM outbox_messages WHERE recipient = '{live.Email}' AND template = 'password_reset' AND (text_body LIKE '%token%' OR html_body LIKE '%token%')")).ShouldBe(0);
        (await Count($"SELECT count(*) FROM outbox_messages WHERE recipient = '{live.Email}' AND template = 'password_reset' AND text_body = '{TokenPurgeJob.ScrubbedBody}'")).ShouldBe(1);
        (await Count($"SELECT count(*) FROM outbox_messages WHERE recipient = '{live.Email}' AND template = 'welcome' AND text_body <> '{TokenPurgeJob.ScrubbedBody}'")).ShouldBe(1);
        (await api.PostAsync("/api/v1/auth/refresh", new { refresh_token = live.RefreshToken })).Status.ShouldBe(HttpStatusCode.OK);
    }

    private static Task Sql(string sql) => Testing.Database.ScalarAsync<object>(sql);

    private static async Task<long> Count(string sql) => await Testing.Database.ScalarAsync<long>(sql);
}
