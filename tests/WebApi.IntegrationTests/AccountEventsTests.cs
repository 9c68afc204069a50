using System.Net;
using System.Text.Json.Nodes;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

public sealed class AccountEventsTests : ApiTest
{
    [Test]
    public async Task An_organization_sees_a_members_account_events_only_from_the_time_they_joined_it()
    {
        var api = NewApi().From("10.78.1.1");
        var owner = await api.RegisterAsync(organization: "Joined");
        var joiner = await api.RegisterAsync("joiner@example.com", organization: "Joiner's own");
        await api.PostAsync("/api/v1/auth/login", new { email = joiner.Email, password = "not-the-password" });
        var before = await api.LoginAsync(joiner.Email);
        await api.PostAsync("/api/v1/auth/refresh", new { refresh_token = before.RefreshToken });
        await api.As(joiner).CreateContactAsync("In the joiner's own organization");
        await api.VerifyEmailAsync(joiner);

        var invitation = await Team.InviteAsync(api, owner, joiner.Email, "member");
        (await api.As(joiner).PostAsync($"/api/v1/invitations/{invitation}/accept")).Status.ShouldBe(HttpStatusCode.Created);
        await api.PostAsync("/api/v1/auth/login", new { email = joiner.Email, password = "still-not-the-password" });
        var after = await api.LoginAsync(joiner.Email);
        await api.As(after).PostAsync("/api/v1/auth/logout");

        var aboutJoiner = (await AuditLogAsync(api.As(owner)))
            .Where(e => (string?)e!["actor_id"] == joiner.UserId.ToString() || (string?)e!["entity_id"] == joiner.UserId.ToString())
            .Select(e => (string?)e!["action"]);
        aboutJoiner.ShouldBe(["sign_out", "sign_in", "sign_in_failed", "accept_invitation_signed_in"]);
    }

    [Test]
    public async Task A_former_member_and_a_stranger_leave_no_account_events_in_the_organization()
    {
        var api = NewApi().From("10.78.2.1");
        var team = await Team.CreateAsync(api);
        var stranger = await api.RegisterAsync("stranger@example.com");
        await api.PostAsync("/api/v1/auth/login", new { email = stranger.Email, password = "not-the-password" });
        (await api.As(team.Owner).DeleteAsync($"{team.Members}/{team.Member.UserId}")).Status.ShouldBe(HttpStatusCode.NoContent);
        await api.PostAsync("/api/v1/auth/login", new { email = team.Member.Email, password = "not-the-password" });
        await api.LoginAsync(team.Member.Email);

        var log = await AuditLogAsync(api.As(team.Owner));

        log.ShouldNotContain(e => (string?)e!["entity_id"] == stranger.UserId.ToString() || (string?)e!["actor_id"] == stranger.UserId.ToString());
        log.ShouldNotContain(e => (string?)e!["organization_id"] == null && (string?)e!["entity_id"] == team.Member.UserId.ToString());
        log.ShouldContain(e => (string?)e!["action"] == "remove_member" && (string?)e!["entity_id"] == team.Member.UserId.ToString());
    }

    [Test]
    public async Task I_see_all_my_own_account_events_newest_first_and_page_through_them_by_cursor()
    {
        var api = NewApi().From("10.78.3.1");
        var me = await api.RegisterAsync("me@example.com");
        var someoneElse = await api.RegisterAsync("else@example.com");
        await api.LoginAsync(someoneElse.Email);
        await api.PostAsync("/api/v1/auth/login", new { email = me.Email, password = "not-the-password" });
        var signedIn = await api.LoginAsync(me.Email);
        await api.PostAsync("/api/v1/auth/refresh", new { refresh_token = signedIn.RefreshToken });
        await api.As(me).CreateContactAsync("A change in my organization, not an account event");
        await api.As(signedIn).PostAsync("/api/v1/auth/logout");

        var all = await api.As(me).GetAsync("/api/v1/auth/me/events?page_size=100");
        all.Status.ShouldBe(HttpStatusCode.OK, all.Text);
        var actions = all.Json["items"]!.AsArray().Select(e => (string?)e!["action"]).ToList();
        actions.ShouldBe(["sign_out", "refresh", "sign_in", "sign_in_failed", "register"]);
        ((int?)all.Json["total"]).ShouldBe(5);

        var walked = new List<string?>();
        var page = await api.As(me).GetAsync("/api/v1/auth/me/events?page_size=2");
        walked.AddRange(page.Json["items"]!.AsArray().Select(e => (string?)e!["id"]));
        while ((string?)page.Json["next_cursor"] is { } cursor)
        {
            page = await api.As(me).GetAsync($"/api/v1/auth/me/events?page_size=2&cursor={Uri.EscapeDataString(cursor)}");
            page.Status.ShouldBe(HttpStatusCode.OK, page.Text);
            walked.AddRange(page.Json["items"]!.AsArray().Select(e => (string?)e!["id"]));
        }

        walked.ShouldBe(all.Json["items"]!.AsArray().Select(e => (string?)e!["id"]).ToList());
        (await api.As(me).GetAsync("/api/v1/auth/me/events?cursor=not-a-cursor")).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_cursor");
        (await api.As(me).GetAsync("/api/v1/auth/me/events?page_size=101")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await NewApi().GetAsync("/api/v1/auth/me/events")).ShouldBeProblem(HttpStatusCode.Unauthorized, "authentication_required");
    }

    private static async Task<List<JsonNode?>> AuditLogAsync(Api api)
    {
        var reply = await api.GetAsync("/api/v1/audit-logs?page_size=100");
        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        return [.. reply.Json["items"]!.AsArray()];
    }
}
