using System.Net;
using System.Text.Json.Nodes;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

/// <summary>Nobody joins an organization without accepting: invitations, their answers and their tenancy.</summary>
public sealed class InvitationTests : ApiTest
{
    [Test]
    public async Task Inviting_answers_the_same_202_and_the_same_email_whether_or_not_the_address_has_an_account()
    {
        var api = ApiFromOwnAddress();
        var owner = await api.RegisterAsync(organization: "Acme");
        var registered = await api.RegisterAsync("known@example.com", organization: "Known's own");
        await api.VerifyEmailAsync(registered);

        var known = await api.As(owner).PostAsync(Members(owner), new { email = "known@example.com", role = "manager" });
        var unknown = await api.As(owner).PostAsync(Members(owner), new { email = "unknown@example.com", role = "manager" });

        foreach (var (reply, email) in new[] { (known, "known@example.com"), (unknown, "unknown@example.com") })
        {
            reply.Status.ShouldBe(HttpStatusCode.Accepted, reply.Text);
            reply.Headers.Location.ShouldBeNull();
            var invitation = reply.Json["invitation"]!;
            Keys(reply.Json).ShouldBe(["invitation"]);
            Keys(invitation).ShouldBe(["created_at", "email", "expires_at", "id", "invited_by", "role"]);
            ((string?)invitation["email"]).ShouldBe(email);
            ((string?)invitation["role"]).ShouldBe("manager");
            ((string?)invitation["invited_by"]!["id"]).ShouldBe(owner.UserId.ToString());
            ((string?)invitation["invited_by"]!["name"]).ShouldBe("Test User");
            ((string?)invitation["expires_at"]).ShouldEndWith("Z");
        }

        var subjects = await Testing.Database.ScalarAsync<long>(
            "SELECT count(DISTINCT subject) FROM outbox_messages WHERE template = 'invitation'");
        subjects.ShouldBe(1);
        (await Testing.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM memberships WHERE organization_id = '{owner.OrganizationId}'")).ShouldBe(1);
        (await api.As(registered, owner.OrganizationId).GetAsync($"/api/v1/organizations/{owner.OrganizationId}"))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "organization_access_denied");
    }

    [Test]
    public async Task The_invited_verified_account_lists_accepts_and_then_works_in_the_organization()
    {
        var api = ApiFromOwnAddress();
        var owner = await api.RegisterAsync(organization: "Acme");
        var grace = await api.RegisterAsync("grace@example.com", organization: "Grace's own");
        await api.VerifyEmailAsync(grace);
        // The address is compared in canonical form.
        var invitation = await Team.InviteAsync(api, owner, "GRACE@Example.com", "manager");

        var listed = await api.As(grace).GetAsync("/api/v1/invitations");

        listed.Status.ShouldBe(HttpStatusCode.OK, listed.Text);
        var item = listed.Json["items"]!.AsArray().ShouldHaveSingleItem()!;
        ((string?)item["id"]).ShouldBe(invitation.ToString());
        ((string?)item["organization"]!["id"]).ShouldBe(owner.OrganizationId.ToString());
        ((string?)item["organization"]!["name"]).ShouldBe("Acme");
        ((string?)item["role"]).ShouldBe("manager");
        ((string?)item["invited_by"]!["id"]).ShouldBe(owner.UserId.ToString());
        ((string?)item["invited_by"]!["name"]).ShouldBe("Test User");
        ((string?)item["expires_at"]).ShouldEndWith("Z");

        var accepted = await api.As(grace).PostAsync($"/api/v1/invitations/{invitation}/accept");

        accepted.Status.ShouldBe(HttpStatusCode.Created, accepted.Text);
        accepted.Headers.Location!.ToString().ShouldBe($"/api/v1/organizations/{owner.OrganizationId}");
        ((string?)accepted.Json["id"]).ShouldBe(owner.OrganizationId.ToString());
        ((string?)accepted.Json["name"]).ShouldBe("Acme");
        ((string?)accepted.Json["role"]).ShouldBe("manager");
        (await api.As(grace, owner.OrganizationId).CreateContactAsync("Joined")).ShouldNotBe(Guid.Empty);
        (await api.As(grace).GetAsync("/api/v1/invitations")).Json["items"]!.AsArray().ShouldBeEmpty();
        (await api.As(grace).PostAsync($"/api/v1/invitations/{invitation}/accept")).ShouldBeProblem(HttpStatusCode.NotFound, "invitation_not_found");
        (await api.As(owner).GetAsync(Invitations(owner))).Json["items"]!.AsArray().ShouldBeEmpty();
    }

    [Test]
    public async Task Declining_answers_204_and_the_invitation_can_no_longer_be_accepted_by_any_way()
    {
        var api = ApiFromOwnAddress();
        var owner = await api.RegisterAsync();
        var grace = await api.RegisterAsync("grace@example.com");
        await api.VerifyEmailAsync(grace);
        var invitation = await Team.InviteAsync(api, owner, grace.Email, "member");
        var token = await OutboxLinks.TokenAsync("invitation", grace.Email);

        (await api.As(grace).PostAsync($"/api/v1/invitations/{invitation}/decline")).Status.ShouldBe(HttpStatusCode.NoContent);

        (await api.As(grace).PostAsync($"/api/v1/invitations/{invitation}/accept")).ShouldBeProblem(HttpStatusCode.NotFound, "invitation_not_found");
        (await api.As(grace).PostAsync($"/api/v1/invitations/{invitation}/decline")).ShouldBeProblem(HttpStatusCode.NotFound, "invitation_not_found");
        (await api.PostAsync("/api/v1/auth/accept-invitation", new { token, name = "Grace", password = grace.Password }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_invitation");
        (await api.As(owner).GetAsync(Invitations(owner))).Json["items"]!.AsArray().ShouldBeEmpty();
        // Declined, the address may be invited again.
        await Team.InviteAsync(api, owner, grace.Email, "member");
    }

    [Test]
    public async Task Someone_elses_invitation_is_404_and_never_listed()
    {
        var api = ApiFromOwnAddress();
        var owner = await api.RegisterAsync();
        var mallory = await api.RegisterAsync("mallory@example.com");
        await api.VerifyEmailAsync(mallory);
        var invitation = await Team.InviteAsync(api, owner, "grace@example.com", "member");

        (await api.As(mallory).GetAsync("/api/v1/invitations")).Json["items"]!.AsArray().ShouldBeEmpty();
        (await api.As(mallory).PostAsync($"/api/v1/invitations/{invitation}/accept")).ShouldBeProblem(HttpStatusCode.NotFound, "invitation_not_found");
        (await api.As(mallory).PostAsync($"/api/v1/invitations/{invitation}/decline")).ShouldBeProblem(HttpStatusCode.NotFound, "invitation_not_found");
        (await api.As(mallory).PostAsync($"/api/v1/invitations/{Guid.NewGuid()}/accept")).ShouldBeProblem(HttpStatusCode.NotFound, "invitation_not_found");
        (await api.As(owner).GetAsync(Invitations(owner))).Json["items"]!.AsArray().ShouldHaveSingleItem();
    }

    [Test]
    public async Task An_expired_invitation_is_404_signed_in_and_invalid_by_link()
    {
        var api = ApiFromOwnAddress();
        var owner = await api.RegisterAsync();
        var grace = await api.RegisterAsync("grace@example.com");
        await api.VerifyEmailAsync(grace);
        var invitation = await Team.InviteAsync(api, owner, grace.Email, "member");
        var token = await OutboxLinks.TokenAsync("invitation", grace.Email);
        await ExecuteAsync("UPDATE invitations SET expires_at = now() - interval '1 minute'");

        (await api.As(grace).GetAsync("/api/v1/invitations")).Json["items"]!.AsArray().ShouldBeEmpty();
        (await api.As(grace).PostAsync($"/api/v1/invitations/{invitation}/accept")).ShouldBeProblem(HttpStatusCode.NotFound, "invitation_not_found");
        (await api.PostAsync("/api/v1/auth/accept-invitation", new { token, name = "Grace", password = grace.Password }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_invitation");
        (await api.As(owner).GetAsync(Invitations(owner))).Json["items"]!.AsArray().ShouldBeEmpty();
        (await api.As(owner).DeleteAsync($"{Invitations(owner)}/{invitation}")).ShouldBeProblem(HttpStatusCode.NotFound, "invitation_not_found");
    }

    [Test]
    public async Task Inviting_again_replaces_the_pending_invitation()
    {
        var api = ApiFromOwnAddress();
        var owner = await api.RegisterAsync();
        var grace = await api.RegisterAsync("grace@example.com");
        await api.VerifyEmailAsync(grace);
        var first = await Team.InviteAsync(api, owner, grace.Email, "member");

        var second = await Team.InviteAsync(api, owner, grace.Email, "admin");

        second.ShouldBe(first);
        var item = (await api.As(grace).GetAsync("/api/v1/invitations")).Json["items"]!.AsArray().ShouldHaveSingleItem()!;
        ((string?)item["role"]).ShouldBe("admin");
    }

    [Test]
    public async Task Owner_and_admin_list_the_pending_invitations_newest_first_by_page()
    {
        var api = ApiFromOwnAddress();
        var team = await Team.CreateAsync(api);
        await Team.InviteAsync(api, team.Owner, "one@example.com", "member");
        await Team.InviteAsync(api, team.Admin, "two@example.com", "manager");
        await Team.InviteAsync(api, team.Owner, "three@example.com", "admin");

        var page = await api.As(team.Admin).GetAsync($"{Invitations(team.Owner)}?page=1&page_size=2");

        page.Status.ShouldBe(HttpStatusCode.OK, page.Text);
        ((int?)page.Json["total"]).ShouldBe(3);
        ((int?)page.Json["pages"]).ShouldBe(2);
        var items = page.Json["items"]!.AsArray();
        items.Select(i => (string?)i!["email"]).ShouldBe(["three@example.com", "two@example.com"]);
        ((string?)items[1]!["invited_by"]!["id"]).ShouldBe(team.Admin.UserId.ToString());
        (await api.As(team.Owner).GetAsync($"{Invitations(team.Owner)}?page_size=0")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [TestCase("manager")]
    [TestCase("member")]
    public async Task Manager_and_member_neither_list_nor_revoke_invitations(string role)
    {
        var api = ApiFromOwnAddress();
        var team = await Team.CreateAsync(api);
        var invitation = await Team.InviteAsync(api, team.Owner, "grace@example.com", "member");

        (await api.As(team[role]).GetAsync(Invitations(team.Owner))).ShouldBeProblem(HttpStatusCode.Forbidden, "insufficient_role");
        (await api.As(team[role]).DeleteAsync($"{Invitations(team.Owner)}/{invitation}")).ShouldBeProblem(HttpStatusCode.Forbidden, "insufficient_role");
    }

    [Test]
    public async Task A_revoked_invitation_can_no_longer_be_accepted_by_any_way()
    {
        var api = ApiFromOwnAddress();
        var team = await Team.CreateAsync(api);
        var grace = await api.RegisterAsync("grace@example.com");
        await api.VerifyEmailAsync(grace);
        var invitation = await Team.InviteAsync(api, team.Owner, grace.Email, "member");
        var token = await OutboxLinks.TokenAsync("invitation", grace.Email);

        (await api.As(team.Admin).DeleteAsync($"{Invitations(team.Owner)}/{invitation}")).Status.ShouldBe(HttpStatusCode.NoContent);

        (await api.As(team.Admin).DeleteAsync($"{Invitations(team.Owner)}/{invitation}")).ShouldBeProblem(HttpStatusCode.NotFound, "invitation_not_found");
        (await api.As(grace).GetAsync("/api/v1/invitations")).Json["items"]!.AsArray().ShouldBeEmpty();
        (await api.As(grace).PostAsync($"/api/v1/invitations/{invitation}/accept")).ShouldBeProblem(HttpStatusCode.NotFound, "invitation_not_found");
        (await api.PostAsync("/api/v1/auth/accept-invitation", new { token, name = "Grace", password = grace.Password }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_invitation");
    }

    [Test]
    public async Task Only_an_owner_revokes_an_owner_invitation()
    {
        var api = ApiFromOwnAddress();
        var team = await Team.CreateAsync(api);
        var invitation = await Team.InviteAsync(api, team.Owner, "boss@example.com", "owner");

        (await api.As(team.Admin).DeleteAsync($"{Invitations(team.Owner)}/{invitation}")).ShouldBeProblem(HttpStatusCode.Forbidden, "owner_role_required");
        (await api.As(team.Owner).DeleteAsync($"{Invitations(team.Owner)}/{invitation}")).Status.ShouldBe(HttpStatusCode.NoContent);
    }

    [Test]
    public async Task Another_organizations_invitation_is_404_to_revoke_and_its_list_is_closed()
    {
        var api = ApiFromOwnAddress();
        var first = await api.RegisterAsync(organization: "First");
        var second = await api.RegisterAsync(organization: "Second");
        var theirs = await Team.InviteAsync(api, second, "grace@example.com", "member");

        (await api.As(first).DeleteAsync($"{Invitations(first)}/{theirs}")).ShouldBeProblem(HttpStatusCode.NotFound, "invitation_not_found");
        (await api.As(first, second.OrganizationId).GetAsync(Invitations(second)))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "organization_access_denied");
        (await api.As(second).GetAsync(Invitations(second))).Json["items"]!.AsArray().ShouldHaveSingleItem();
    }

    [TestCase("demoted")]
    [TestCase("removed")]
    public async Task An_invitation_whose_inviter_may_no_longer_grant_its_role_is_stale_by_either_way(string change)
    {
        var api = ApiFromOwnAddress();
        var team = await Team.CreateAsync(api);
        var grace = await api.RegisterAsync("grace@example.com");
        await api.VerifyEmailAsync(grace);
        var invitation = await Team.InviteAsync(api, team.Admin, grace.Email, "member");
        var token = await OutboxLinks.TokenAsync("invitation", grace.Email);
        var path = $"{team.Members}/{team.Admin.UserId}";
        (change == "demoted"
            ? await api.As(team.Owner).PatchAsync(path, new { role = "manager" })
            : await api.As(team.Owner).DeleteAsync(path)).Status.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.NoContent);

        (await api.As(grace).PostAsync($"/api/v1/invitations/{invitation}/accept")).ShouldBeProblem(HttpStatusCode.Conflict, "invitation_stale");
        (await api.PostAsync("/api/v1/auth/accept-invitation", new { token, name = "Grace", password = grace.Password }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "invitation_stale");
        (await api.As(grace, team.OrganizationId).GetAsync($"/api/v1/organizations/{team.OrganizationId}"))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "organization_access_denied");
    }

    [Test]
    public async Task An_owner_invitation_from_an_owner_since_made_admin_is_stale()
    {
        var api = ApiFromOwnAddress();
        var team = await Team.CreateAsync(api);
        (await api.As(team.Owner).PatchAsync($"{team.Members}/{team.Admin.UserId}", new { role = "owner" })).Status.ShouldBe(HttpStatusCode.OK);
        var boss = await api.RegisterAsync("boss@example.com");
        await api.VerifyEmailAsync(boss);
        var invitation = await Team.InviteAsync(api, team.Admin, boss.Email, "owner");
        (await api.As(team.Owner).PatchAsync($"{team.Members}/{team.Admin.UserId}", new { role = "admin" })).Status.ShouldBe(HttpStatusCode.OK);

        (await api.As(boss).PostAsync($"/api/v1/invitations/{invitation}/accept")).ShouldBeProblem(HttpStatusCode.Conflict, "invitation_stale");
    }

    [Test]
    public async Task The_link_joins_an_existing_account_with_its_password_and_proves_the_address()
    {
        var api = ApiFromOwnAddress();
        var owner = await api.RegisterAsync(organization: "Acme");
        var grace = await api.RegisterAsync($"grace-{Guid.NewGuid():N}@example.com", organization: "Grace's own");
        await Team.InviteAsync(api, owner, grace.Email, "manager");
        var token = await OutboxLinks.TokenAsync("invitation", grace.Email);

        var wrong = await api.PostAsync("/api/v1/auth/accept-invitation", new { token, name = "Someone", password = "not-graces-password" });
        wrong.ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_credentials");
        var accepted = await api.PostAsync("/api/v1/auth/accept-invitation", new { token, name = "Someone", password = grace.Password });

        accepted.Status.ShouldBe(HttpStatusCode.Created, accepted.Text);
        ((string?)accepted.Json["user"]!["id"]).ShouldBe(grace.UserId.ToString());
        ((string?)accepted.Json["user"]!["name"]).ShouldBe("Test User");
        ((bool?)accepted.Json["user"]!["email_verified"]).ShouldBe(true);
        ((string?)accepted.Json["organization"]!["id"]).ShouldBe(owner.OrganizationId.ToString());
        ((string?)accepted.Json["organization"]!["role"]).ShouldBe("manager");
        accepted.Json["organizations"]!.AsArray().Select(o => (string?)o!["id"])
            .ShouldBe([grace.OrganizationId.ToString(), owner.OrganizationId.ToString()]);
        var joined = Account.From(accepted.Json, grace.Email, grace.Password);
        (await api.As(joined, owner.OrganizationId).CreateContactAsync("Joined")).ShouldNotBe(Guid.Empty);
        (await Testing.Database.ScalarAsync<long>($"SELECT count(*) FROM users WHERE lower(email) = '{grace.Email}'")).ShouldBe(1);
        var log = (await api.As(owner).GetAsync("/api/v1/audit-logs?page_size=100")).Json["items"]!.AsArray();
        Entry(log, "accept_invitation", "member", grace.UserId, grace.UserId);
    }

    [Test]
    public async Task Wrong_passwords_at_the_link_are_throttled_like_sign_in()
    {
        var api = NewApi();
        var owner = await api.From("10.79.1.1").RegisterAsync();
        var grace = await api.From("10.79.1.2").RegisterAsync($"grace-{Guid.NewGuid():N}@example.com");
        await Team.InviteAsync(api, owner, grace.Email, "member");
        var token = await OutboxLinks.TokenAsync("invitation", grace.Email);
        for (var i = 0; i < 5; i++)
        {
            (await api.From($"10.79.2.{i + 1}").PostAsync("/api/v1/auth/accept-invitation", new { token, name = "G", password = "not-graces-password" }))
                .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_credentials");
        }

        var limited = await api.From("10.79.2.99").PostAsync("/api/v1/auth/accept-invitation", new { token, name = "G", password = grace.Password });

        limited.ShouldBeProblem(HttpStatusCode.TooManyRequests, "too_many_login_attempts");
        limited.Headers.RetryAfter.ShouldNotBeNull();
        (await api.From("10.79.2.99").PostAsync("/api/v1/auth/login", new { email = grace.Email, password = grace.Password }))
            .ShouldBeProblem(HttpStatusCode.TooManyRequests, "too_many_login_attempts");
    }

    [Test]
    public async Task Two_parallel_accepts_of_one_invitation_make_exactly_one_membership()
    {
        for (var round = 0; round < 5; round++)
        {
            var api = ApiFromOwnAddress();
            var owner = await api.RegisterAsync();
            var grace = await api.RegisterAsync($"grace-{round}@example.com");
            await api.VerifyEmailAsync(grace);
            var invitation = await Team.InviteAsync(api, owner, grace.Email, "member");

            var replies = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
                api.As(grace).PostAsync($"/api/v1/invitations/{invitation}/accept"))));

            replies.Count(r => r.Status == HttpStatusCode.Created).ShouldBe(1, string.Join(" | ", replies.Select(r => r.Text)));
            replies.Single(r => r.Status != HttpStatusCode.Created).Status.ShouldBeOneOf(HttpStatusCode.Conflict, HttpStatusCode.NotFound);
            (await Testing.Database.ScalarAsync<long>(
                $"SELECT count(*) FROM memberships WHERE organization_id = '{owner.OrganizationId}' AND user_id = '{grace.UserId}'")).ShouldBe(1);
        }
    }

    [Test]
    public async Task Inviting_accepting_declining_and_revoking_are_audited()
    {
        var api = ApiFromOwnAddress();
        var owner = await api.RegisterAsync();
        var grace = await api.RegisterAsync("grace@example.com");
        var alan = await api.RegisterAsync("alan@example.com");
        await api.VerifyEmailAsync(grace);
        await api.VerifyEmailAsync(alan);
        var toGrace = await Team.InviteAsync(api, owner, grace.Email, "member");
        var toAlan = await Team.InviteAsync(api, owner, alan.Email, "member");
        var toNobody = await Team.InviteAsync(api, owner, "nobody@example.com", "member");
        await api.As(grace).PostAsync($"/api/v1/invitations/{toGrace}/accept");
        await api.As(alan).PostAsync($"/api/v1/invitations/{toAlan}/decline");
        await api.As(owner).DeleteAsync($"{Invitations(owner)}/{toNobody}");

        var log = (await api.As(owner).GetAsync("/api/v1/audit-logs?page_size=100")).Json["items"]!.AsArray();

        Entry(log, "invite_member", "invitation", toNobody, owner.UserId)["changes"]!.AsArray()
            .ShouldContain(c => (string?)c!["field"] == "email" && (string?)c["to"] == "nobody@example.com");
        Entry(log, "accept_invitation_signed_in", "member", grace.UserId, grace.UserId);
        Entry(log, "decline_invitation", "invitation", toAlan, alan.UserId);
        Entry(log, "revoke_invitation", "invitation", toNobody, owner.UserId);
    }

    private static JsonNode Entry(JsonArray log, string action, string entityType, Guid entityId, Guid actorId)
    {
        var entry = log.Where(e => (string?)e!["action"] == action && (string?)e["entity_id"] == entityId.ToString()).ShouldHaveSingleItem()!;
        ((string?)entry["entity_type"]).ShouldBe(entityType);
        ((string?)entry["actor_id"]).ShouldBe(actorId.ToString());
        return entry;
    }

    private static string Members(Account owner) => $"/api/v1/organizations/{owner.OrganizationId}/members";

    private static string Invitations(Account owner) => $"/api/v1/organizations/{owner.OrganizationId}/invitations";

    private static IEnumerable<string> Keys(JsonNode node) => node.AsObject().Select(p => p.Key).Order();

    private static async Task ExecuteAsync(string sql)
    {
        await using var command = Testing.Database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A client with an address of its own, so that other tests' failed sign-ins do not throttle it.</summary>
    private static Api ApiFromOwnAddress() => NewApi().From($"10.80.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}");
}
