using System.Net;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

public sealed class EmailVerificationTests : ApiTest
{
    [Test]
    public async Task Registering_emails_a_link_that_verifies_the_address_once()
    {
        var api = ApiFromOwnAddress();
        var registered = await api.PostAsync("/api/v1/auth/register", new
        {
            email = "proving@example.com",
            password = Api.DefaultPassword,
            name = "Prover",
            organization_name = "Own",
        });
        ((bool?)registered.Json["user"]!["email_verified"]).ShouldBe(false);
        var account = Account.From(registered.Json, "proving@example.com", Api.DefaultPassword);
        (await Testing.Database.ScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE template = 'email_verification' AND recipient = 'proving@example.com'")).ShouldBe(1);
        var token = await OutboxLinks.TokenAsync("email_verification", account.Email);
        // The account stores the token's SHA-256, not the token.
        (await Testing.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM users WHERE email_verification_token_hash = sha256(convert_to('{token}', 'UTF8'))")).ShouldBe(1);

        (await api.PostAsync("/api/v1/auth/verify-email", new { token })).Status.ShouldBe(HttpStatusCode.NoContent);

        ((bool?)(await api.As(account).GetAsync("/api/v1/auth/me")).Json["email_verified"]).ShouldBe(true);
        ((bool?)(await api.PostAsync("/api/v1/auth/login", new { email = account.Email, password = account.Password })).Json["user"]!["email_verified"])
            .ShouldBe(true);
        (await api.PostAsync("/api/v1/auth/verify-email", new { token })).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_verification_token");
        (await api.As(account).PostAsync("/api/v1/auth/resend-verification")).ShouldBeProblem(HttpStatusCode.Conflict, "email_already_verified");
    }

    [Test]
    public async Task Resending_kills_the_old_link()
    {
        var api = ApiFromOwnAddress();
        var account = await api.RegisterAsync("resend@example.com");
        var first = await OutboxLinks.TokenAsync("email_verification", account.Email);

        (await api.As(account).PostAsync("/api/v1/auth/resend-verification")).Status.ShouldBe(HttpStatusCode.Accepted);
        var second = await OutboxLinks.TokenAsync("email_verification", account.Email);

        second.ShouldNotBe(first);
        (await api.PostAsync("/api/v1/auth/verify-email", new { token = first })).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_verification_token");
        ((bool?)(await api.As(account).GetAsync("/api/v1/auth/me")).Json["email_verified"]).ShouldBe(false);
        (await api.PostAsync("/api/v1/auth/verify-email", new { token = second })).Status.ShouldBe(HttpStatusCode.NoContent);
        (await api.PostAsync("/api/v1/auth/resend-verification")).ShouldBeProblem(HttpStatusCode.Unauthorized, "authentication_required");
    }

    [Test]
    public async Task An_expired_or_unknown_link_is_refused()
    {
        var api = ApiFromOwnAddress();
        var account = await api.RegisterAsync();
        var token = await OutboxLinks.TokenAsync("email_verification", account.Email);
        await using (var expire = Testing.Database.DataSource.CreateCommand(
            "UPDATE users SET email_verification_expires_at = now() - interval '1 minute'"))
        {
            await expire.ExecuteNonQueryAsync();
        }

        (await api.PostAsync("/api/v1/auth/verify-email", new { token })).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_verification_token");
        (await api.PostAsync("/api/v1/auth/verify-email", new { token = "made-up" })).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_verification_token");
        (await api.PostAsync("/api/v1/auth/verify-email", new { token = "" })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        ((bool?)(await api.As(account).GetAsync("/api/v1/auth/me")).Json["email_verified"]).ShouldBe(false);
    }

    [Test]
    public async Task An_unverified_account_works_in_its_own_organization_but_cannot_join_another()
    {
        var api = ApiFromOwnAddress();
        var owner = await api.RegisterAsync(organization: "Acme");
        var squatter = await api.RegisterAsync("sales@acme.example", organization: "Squatter's own");

        (await api.As(squatter).CreateContactAsync("Works at home")).ShouldNotBe(Guid.Empty);
        var invitation = await Team.InviteAsync(api, owner, "sales@acme.example", "member");
        (await api.As(squatter).GetAsync("/api/v1/invitations")).ShouldBeProblem(HttpStatusCode.Forbidden, "email_not_verified");
        (await api.As(squatter).PostAsync($"/api/v1/invitations/{invitation}/accept")).ShouldBeProblem(HttpStatusCode.Forbidden, "email_not_verified");
        (await api.As(squatter).PostAsync($"/api/v1/invitations/{invitation}/decline")).ShouldBeProblem(HttpStatusCode.Forbidden, "email_not_verified");
        (await api.As(squatter, owner.OrganizationId).GetAsync($"/api/v1/organizations/{owner.OrganizationId}"))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "organization_access_denied");

        await api.VerifyEmailAsync(squatter);
        (await api.As(squatter).PostAsync($"/api/v1/invitations/{invitation}/accept")).Status.ShouldBe(HttpStatusCode.Created);
        (await api.As(squatter, owner.OrganizationId).GetAsync($"/api/v1/organizations/{owner.OrganizationId}")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Accepting_an_invitation_by_its_link_proves_the_address()
    {
        var api = ApiFromOwnAddress();
        var owner = await api.RegisterAsync();
        await api.As(owner).PostAsync($"/api/v1/organizations/{owner.OrganizationId}/members", new { email = "invited@example.com", role = "member" });
        var token = await OutboxLinks.TokenAsync("invitation", "invited@example.com");

        var accepted = await api.PostAsync("/api/v1/auth/accept-invitation", new { token, name = "Invited", password = Api.DefaultPassword });

        accepted.Status.ShouldBe(HttpStatusCode.Created, accepted.Text);
        ((bool?)accepted.Json["user"]!["email_verified"]).ShouldBe(true);
    }

    [TestCase("\u017Fales@acme.example")] // long s
    [TestCase("SALES@ACME.EXAMPLE")]
    [TestCase("\uFF53ales@acme.example")] // fullwidth s
    public async Task A_confusable_of_a_registered_address_is_the_same_address(string confusable)
    {
        var api = ApiFromOwnAddress();
        await api.RegisterAsync("sales@acme.example");

        (await api.PostAsync("/api/v1/auth/register", new { email = confusable, password = Api.DefaultPassword, name = "Attacker", organization_name = "X" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "email_taken");
        (await api.PostAsync("/api/v1/auth/login", new { email = confusable, password = Api.DefaultPassword })).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task The_Kelvin_sign_and_the_dotless_i_meet_their_letters_at_sign_in()
    {
        var api = ApiFromOwnAddress();
        await api.RegisterAsync("kit@example.com");

        (await api.PostAsync("/api/v1/auth/login", new { email = "\u212A\u0131t@example.com", password = Api.DefaultPassword })).Status.ShouldBe(HttpStatusCode.OK);
    }

    [TestCase("no-at-sign.example.com")]
    [TestCase("with space@example.com")]
    [TestCase("bell\u0007@example.com")]
    [TestCase("zero\u200Bwidth@example.com")]
    public async Task An_address_that_cannot_be_a_mailbox_answers_400(string email)
    {
        var api = ApiFromOwnAddress();
        var owner = await api.RegisterAsync();

        (await api.PostAsync("/api/v1/auth/register", new { email, password = Api.DefaultPassword, name = "N", organization_name = "O" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await api.PostAsync("/api/v1/auth/forgot-password", new { email })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await api.As(owner).PostAsync($"/api/v1/organizations/{owner.OrganizationId}/members", new { email, role = "member" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        // Sign-in reveals nothing about addresses: it simply fails. A control character is refused as in any field (no
        // account can hold one, so that says nothing either).
        var login = await api.PostAsync("/api/v1/auth/login", new { email, password = Api.DefaultPassword });
        if (email.Any(char.IsControl))
        {
            login.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        }
        else
        {
            login.ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_credentials");
        }
    }

    /// <summary>A client with an address of its own, so that other tests' failed sign-ins do not throttle it.</summary>
    private static Api ApiFromOwnAddress() => NewApi().From($"10.77.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}");
}
