using System.Net;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

/// <summary><c>DELETE /api/v1/auth/me</c>: a user deletes their own account.</summary>
public sealed class AccountDeletionTests : ApiTest
{
    private const string Me = "/api/v1/auth/me";

    private static Task<Reply> DeleteMeAsync(Api api, object body) => api.SendAsync(HttpMethod.Delete, Me, body);

    [Test]
    public async Task The_last_owner_of_an_organization_cannot_delete_their_account()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();

        (await DeleteMeAsync(api.As(owner), new { password = owner.Password })).ShouldBeProblem(HttpStatusCode.Conflict, "last_owner");

        (await api.As(owner).GetAsync(Me)).Status.ShouldBe(HttpStatusCode.OK, "nothing was deleted");
    }

    [Test]
    public async Task A_wrong_or_missing_password_is_refused()
    {
        var api = NewApi();
        var user = await api.RegisterAsync();

        (await DeleteMeAsync(api.As(user), new { password = "not-my-password" })).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_credentials");
        (await DeleteMeAsync(api.As(user), new { })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await api.As(user).SendRawAsync(HttpMethod.Delete, Me, "{\"password\": ")).ShouldBeProblem(HttpStatusCode.BadRequest, "malformed_json");
        (await DeleteMeAsync(api, new { password = user.Password })).Status.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_deleted_account_leaves_its_organizations_and_its_records_stay_with_a_deleted_user()
    {
        var api = NewApi();
        var ada = await api.RegisterAsync(name: "Ada Owner");
        var grace = await api.RegisterAsync(name: "Grace Leaving");
        await api.VerifyEmailAsync(ada);
        await api.VerifyEmailAsync(grace);
        var invitation = await Team.InviteAsync(api, ada, grace.Email, "admin");
        (await api.As(grace).PostAsync($"/api/v1/invitations/{invitation}/accept")).Status.ShouldBe(HttpStatusCode.Created);
        var back = await Team.InviteAsync(api, grace, ada.Email, "owner", grace.OrganizationId);
        (await api.As(ada).PostAsync($"/api/v1/invitations/{back}/accept")).Status.ShouldBe(HttpStatusCode.Created);
        var inAda = api.As(grace, ada.OrganizationId);
        var contact = await inAda.CreateContactAsync("Alan Turing");
        var key = await inAda.PostAsync("/api/v1/api-keys", new { name = "Sync", role = "manager", read_only = false });
        key.Status.ShouldBe(HttpStatusCode.Created, key.Text);

        var deleted = await DeleteMeAsync(api.As(grace), new { password = grace.Password });

        deleted.Status.ShouldBe(HttpStatusCode.NoContent, deleted.Text);
        (await api.As(grace).GetAsync(Me)).Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await api.PostAsync("/api/v1/auth/login", new { email = grace.Email, password = grace.Password }))
            .ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_credentials");
        (await api.PostAsync("/api/v1/auth/refresh", new { refresh_token = grace.RefreshToken })).Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await api.WithToken(key["secret"]).InOrganization(ada.OrganizationId).GetAsync("/api/v1/contacts")).Status.ShouldBe(HttpStatusCode.Unauthorized);

        var owner = api.As(ada);
        var read = await owner.GetAsync($"/api/v1/contacts/{contact}");
        read.Status.ShouldBe(HttpStatusCode.OK);
        ((string?)read["owner_id"]).ShouldBe(grace.UserId.ToString());
        (await owner.GetAsync($"/api/v1/organizations/{ada.OrganizationId}/members")).Text.ShouldNotContain(grace.UserId.ToString());
        (await api.As(ada, grace.OrganizationId).GetAsync($"/api/v1/organizations/{grace.OrganizationId}/members")).Text.ShouldNotContain(grace.UserId.ToString());
        (await Testing.Database.ScalarAsync<string>($"SELECT name FROM users WHERE id = '{grace.UserId}'")).ShouldBe("Deleted user");
        (await Testing.Database.ScalarAsync<long>($"SELECT count(*) FROM users WHERE lower(email) = lower('{grace.Email}')")).ShouldBe(0);
        (await api.RegisterAsync(grace.Email)).UserId.ShouldNotBe(grace.UserId, "the address is free again");
    }
}
