using System.Net;
using System.Text.RegularExpressions;
using Crm.Infrastructure.Email;
using Crm.TestSupport;
using Crm.WebApi.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.WebApi.IntegrationTests;

public sealed partial class EmailTests : ApiTest
{
    [Test]
    public async Task Forgot_password_always_answers_202_and_emails_only_existing_accounts()
    {
        var api = NewApi();
        var account = await api.RegisterAsync("forgetful@example.com");

        (await api.PostAsync("/api/v1/auth/forgot-password", new { email = "FORGETFUL@example.com" })).Status.ShouldBe(HttpStatusCode.Accepted);
        (await api.PostAsync("/api/v1/auth/forgot-password", new { email = "nobody@example.com" })).Status.ShouldBe(HttpStatusCode.Accepted);
        await PasswordResets.WorkedAsync();

        (await Testing.Database.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE template = 'password_reset'")).ShouldBe(1);
        (await Testing.Database.ScalarAsync<string>("SELECT recipient FROM outbox_messages WHERE template = 'password_reset'")).ShouldBe(account.Email);
        (await Testing.Database.ScalarAsync<long>("SELECT count(*) FROM password_reset_tokens")).ShouldBe(1);
    }

    [Test]
    public async Task A_reset_link_sets_a_new_password_once_and_ends_every_session()
    {
        var api = NewApi();
        var account = await api.RegisterAsync("reset@example.com");
        var otherSession = await api.LoginAsync(account.Email);
        await api.PostAsync("/api/v1/auth/forgot-password", new { email = account.Email });
        await PasswordResets.WorkedAsync();
        var token = await TokenFromOutboxAsync("password_reset", account.Email);

        var reply = await api.PostAsync("/api/v1/auth/reset-password", new { token, password = "a-brand-new-secret" });

        reply.Status.ShouldBe(HttpStatusCode.NoContent, reply.Text);
        (await api.As(account).GetAsync("/api/v1/auth/me")).ShouldBeProblem(HttpStatusCode.Unauthorized, "session_revoked");
        (await api.As(otherSession).GetAsync("/api/v1/auth/me")).ShouldBeProblem(HttpStatusCode.Unauthorized, "session_revoked");
        (await api.PostAsync("/api/v1/auth/login", new { email = account.Email, password = account.Password })).Status.ShouldBe(HttpStatusCode.Unauthorized);
        await api.LoginAsync(account.Email, "a-brand-new-secret");
        (await api.PostAsync("/api/v1/auth/reset-password", new { token, password = "yet-another-secret" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_reset_token");
    }

    [Test]
    public async Task An_expired_or_unknown_reset_token_is_refused_and_weak_passwords_too()
    {
        var api = NewApi();
        var account = await api.RegisterAsync();
        await api.PostAsync("/api/v1/auth/forgot-password", new { email = account.Email });
        await PasswordResets.WorkedAsync();
        var token = await TokenFromOutboxAsync("password_reset", account.Email);
        await using (var expire = Testing.Database.DataSource.CreateCommand("UPDATE password_reset_tokens SET expires_at = now() - interval '1 minute'"))
        {
            await expire.ExecuteNonQueryAsync();
        }

        (await api.PostAsync("/api/v1/auth/reset-password", new { token, password = "a-brand-new-secret" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_reset_token");
        (await api.PostAsync("/api/v1/auth/reset-password", new { token = "made-up", password = "a-brand-new-secret" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_reset_token");
        (await api.PostAsync("/api/v1/auth/reset-password", new { token, password = "password123" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Test]
    public async Task An_invitation_creates_the_account_and_membership_once()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync(organization: "Inviting Org");

        var invited = await api.As(owner).PostAsync($"/api/v1/organizations/{owner.OrganizationId}/members", new { email = "newcomer@example.com", role = "manager" });
        invited.Status.ShouldBe(HttpStatusCode.Accepted, invited.Text);
        var token = await TokenFromOutboxAsync("invitation", "newcomer@example.com");

        var accepted = await api.PostAsync("/api/v1/auth/accept-invitation", new { token, name = "New Comer", password = "welcome-aboard-2026" });

        accepted.Status.ShouldBe(HttpStatusCode.Created, accepted.Text);
        ((string?)accepted.Json["user"]!["email"]).ShouldBe("newcomer@example.com");
        ((string?)accepted.Json["organization"]!["id"]).ShouldBe(owner.OrganizationId.ToString());
        ((string?)accepted.Json["organization"]!["role"]).ShouldBe("manager");
        var members = await api.As(owner).GetAsync($"/api/v1/organizations/{owner.OrganizationId}/members");
        members.Json["items"]!.AsArray().ShouldContain(m => (string?)m!["email"] == "newcomer@example.com" && (string?)m["role"] == "manager");
        (await api.PostAsync("/api/v1/auth/accept-invitation", new { token, name = "Again", password = "welcome-aboard-2026" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_invitation");
    }

    [Test]
    public async Task Inviting_again_replaces_the_link_and_only_an_owner_invites_an_owner()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        await api.As(team.Owner).PostAsync(team.Members, new { email = "twice@example.com", role = "member" });
        var first = await TokenFromOutboxAsync("invitation", "twice@example.com");
        await api.As(team.Admin).PostAsync(team.Members, new { email = "twice@example.com", role = "member" });

        (await api.PostAsync("/api/v1/auth/accept-invitation", new { token = first, name = "Twice", password = "welcome-aboard-2026" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_invitation");
        (await api.As(team.Admin).PostAsync(team.Members, new { email = "boss@example.com", role = "owner" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "owner_role_required");
        (await Testing.Database.ScalarAsync<long>("SELECT count(*) FROM invitations WHERE accepted_at IS NULL")).ShouldBe(1);
    }

    [Test]
    public async Task Messages_are_delivered_by_the_dispatcher_and_listed_for_owners_and_admins()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        await api.As(team.Owner).PostAsync(team.Members, new { email = "listed@example.com", role = "member" });

        await DeliverAsync();

        var outbox = await api.As(team.Admin).GetAsync("/api/v1/admin/outbox");
        outbox.Status.ShouldBe(HttpStatusCode.OK, outbox.Text);
        var invitation = outbox.Json["items"]!.AsArray().First(m => (string?)m!["template"] == "invitation")!;
        ((string?)invitation["recipient"]).ShouldBe("listed@example.com");
        ((string?)invitation["status"]).ShouldBe("sent");
        ((int?)invitation["attempts"]).ShouldBe(1);
        Directory.GetFiles(Testing.Factory.MailFolder, "*.eml").ShouldNotBeEmpty();
        (await api.As(team.Member).GetAsync("/api/v1/admin/outbox")).ShouldBeProblem(HttpStatusCode.Forbidden, "insufficient_role");
        var stranger = await api.RegisterAsync();
        (await api.As(stranger).GetAsync("/api/v1/admin/outbox")).Json["items"]!.AsArray()
            .ShouldNotContain(m => (string?)m!["recipient"] == "listed@example.com");
    }

    [Test]
    public async Task With_the_mail_server_down_a_message_is_retried_then_marked_failed_with_its_error()
    {
        // A database of its own: the suite's host, whose dispatcher polls the shared one, must not deliver its mail.
        await using var database = await TestDatabase.CreateAsync("crm_test_mail_down");
        await using var down = new CrmApiFactory(database.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Email:Transport"] = "smtp",
            ["Email:SmtpHost"] = "127.0.0.1",
            ["Email:SmtpPort"] = "1",
            ["Email:MaxAttempts"] = "3",
            ["Email:RetryDelay"] = "00:00:00.010",
            ["Email:PollInterval"] = "01:00:00",
        });
        var api = new Api(down.CreateClient());
        var owner = await api.RegisterAsync();

        await down.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

        var welcome = (await api.As(owner).GetAsync("/api/v1/admin/outbox")).Json["items"]![0]!;
        ((string?)welcome["template"]).ShouldBe("welcome");
        ((string?)welcome["status"]).ShouldBe("failed");
        ((int?)welcome["attempts"]).ShouldBe(3);
        ((string?)welcome["last_error"]).ShouldNotBeNullOrWhiteSpace();
    }

    [Test]
    public async Task A_change_that_rolls_back_sends_nothing()
    {
        var api = NewApi();
        await api.RegisterAsync("taken@example.com");
        var before = await Testing.Database.ScalarAsync<long>("SELECT count(*) FROM outbox_messages");

        (await api.PostAsync("/api/v1/auth/register", new { email = "taken@example.com", password = Api.DefaultPassword, name = "Dup", organization_name = "Dup" }))
            .Status.ShouldBe(HttpStatusCode.Conflict);

        (await Testing.Database.ScalarAsync<long>("SELECT count(*) FROM outbox_messages")).ShouldBe(before);
    }

    private static async Task DeliverAsync()
    {
        var dispatcher = Testing.Factory.Services.GetRequiredService<OutboxDispatcher>();
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        for (var i = 0; i < 50 && await Testing.Database.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE status <> 'sent'") > 0; i++)
        {
            await Task.Delay(100);
        }
    }

    /// <summary>The token in the link of the newest email of this kind to this recipient.</summary>
    private static async Task<string> TokenFromOutboxAsync(string template, string recipient)
    {
        await using var command = Testing.Database.DataSource.CreateCommand(
            "SELECT text_body FROM outbox_messages WHERE template = $1 AND recipient = $2 ORDER BY created_at DESC LIMIT 1");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = template });
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = recipient });
        var body = (string)(await command.ExecuteScalarAsync())!;
        return Uri.UnescapeDataString(TokenInLink().Match(body).Groups[1].Value);
    }

    [GeneratedRegex(@"token=([^\s]+)")]
    private static partial Regex TokenInLink();
}
