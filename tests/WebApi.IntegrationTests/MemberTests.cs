using System.Net;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

public sealed class MemberTests : ApiTest
{
    [Test]
    public async Task The_member_list_shows_every_member_with_role_and_paging()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);

        var reply = await api.As(team.Member).GetAsync($"{team.Members}?page=1&page_size=3");

        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        var json = reply.Json;
        ((int?)json["total"]).ShouldBe(4);
        ((int?)json["pages"]).ShouldBe(2);
        ((int?)json["page_size"]).ShouldBe(3);
        var items = json["items"]!.AsArray();
        items.Select(i => (string?)i!["role"]).ShouldBe(["owner", "admin", "manager"]);
        ((string?)items[0]!["user_id"]).ShouldBe(team.Owner.UserId.ToString());
        ((string?)items[0]!["email"]).ShouldBe(team.Owner.Email);
        ((string?)items[0]!["joined_at"]).ShouldEndWith("Z");
    }

    [TestCase(0, 20)]
    [TestCase(1, 0)]
    [TestCase(1, 101)]
    public async Task Paging_out_of_range_answers_400(int page, int pageSize)
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();

        (await api.As(owner).GetAsync($"/api/v1/organizations/{owner.OrganizationId}/members?page={page}&page_size={pageSize}"))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Test]
    public async Task Two_organizations_never_see_each_others_members()
    {
        var api = NewApi();
        var first = await Team.CreateAsync(api, "First");
        var second = await Team.CreateAsync(api, "Second");

        (await api.As(first.Owner).GetAsync(second.Members)).ShouldBeProblem(HttpStatusCode.Forbidden, "organization_access_denied");
        var own = await api.As(first.Owner).GetAsync(first.Members);
        own.Json["items"]!.AsArray().Select(i => (string?)i!["email"])
            .ShouldBe([first.Owner.Email, first.Admin.Email, first.Manager.Email, first.Member.Email]);
    }

    [Test]
    public async Task Adding_a_member_invites_the_address_and_nobody_joins_before_accepting()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var newcomer = await api.RegisterAsync();
        await api.VerifyEmailAsync(newcomer);

        var reply = await api.As(owner).PostAsync(
            $"/api/v1/organizations/{owner.OrganizationId}/members", new { email = newcomer.Email.ToUpperInvariant(), role = "manager" });

        reply.Status.ShouldBe(HttpStatusCode.Accepted, reply.Text);
        ((string?)reply.Json["invitation"]!["role"]).ShouldBe("manager");
        (await api.As(newcomer, owner.OrganizationId).GetAsync($"/api/v1/organizations/{owner.OrganizationId}"))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "organization_access_denied");
        (await Testing.Database.ScalarAsync<long>("SELECT count(*) FROM invitations")).ShouldBe(1);
    }

    [Test]
    public async Task Adding_someone_already_a_member_answers_409()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);

        (await api.As(team.Owner).PostAsync(team.Members, new { email = team.Member.Email, role = "admin" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "member_exists");
    }

    [TestCase("manager")]
    [TestCase("member")]
    public async Task Manager_and_member_cannot_add_members(string role)
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var outsider = await api.RegisterAsync();

        (await api.As(team[role]).PostAsync(team.Members, new { email = outsider.Email, role = "member" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "insufficient_role");
    }

    [Test]
    public async Task Only_an_owner_grants_the_owner_role()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var outsider = await api.RegisterAsync();

        (await api.As(team.Admin).PostAsync(team.Members, new { email = outsider.Email, role = "owner" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "owner_role_required");
        (await api.As(team.Admin).PatchAsync($"{team.Members}/{team.Manager.UserId}", new { role = "owner" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "owner_role_required");
        (await api.As(team.Owner).PatchAsync($"{team.Members}/{team.Manager.UserId}", new { role = "owner" }))
            .Status.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task An_admin_cannot_demote_or_remove_an_owner()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);

        (await api.As(team.Admin).PatchAsync($"{team.Members}/{team.Owner.UserId}", new { role = "member" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "owner_role_required");
        (await api.As(team.Admin).DeleteAsync($"{team.Members}/{team.Owner.UserId}"))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "owner_role_required");
    }

    [Test]
    public async Task An_admin_changes_and_removes_other_non_owners()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);

        var changed = await api.As(team.Admin).PatchAsync($"{team.Members}/{team.Member.UserId}", new { role = "manager" });
        changed.Status.ShouldBe(HttpStatusCode.OK, changed.Text);
        ((string?)changed.Json["role"]).ShouldBe("manager");
        (await api.As(team.Admin).DeleteAsync($"{team.Members}/{team.Manager.UserId}")).Status.ShouldBe(HttpStatusCode.NoContent);
    }

    [Test]
    public async Task The_last_owner_can_never_be_demoted_nor_removed_nor_leave()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);

        (await api.As(team.Owner).PatchAsync($"{team.Members}/{team.Owner.UserId}", new { role = "admin" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "last_owner");
        (await api.As(team.Owner).DeleteAsync($"{team.Members}/{team.Owner.UserId}"))
            .ShouldBeProblem(HttpStatusCode.Conflict, "last_owner");
    }

    [Test]
    public async Task With_a_second_owner_an_owner_may_step_down()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        await api.As(team.Owner).PatchAsync($"{team.Members}/{team.Admin.UserId}", new { role = "owner" });

        var reply = await api.As(team.Owner).PatchAsync($"{team.Members}/{team.Owner.UserId}", new { role = "member" });

        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        (await api.As(team.Admin).DeleteAsync($"{team.Members}/{team.Owner.UserId}")).Status.ShouldBe(HttpStatusCode.NoContent);
    }

    [TestCase("member")]
    [TestCase("manager")]
    [TestCase("admin")]
    public async Task A_member_may_leave_and_loses_access_at_once(string role)
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var leaver = api.As(team[role]);

        (await leaver.DeleteAsync($"{team.Members}/{team[role].UserId}")).Status.ShouldBe(HttpStatusCode.NoContent);

        (await leaver.GetAsync($"/api/v1/organizations/{team.OrganizationId}"))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "organization_access_denied");
    }

    [Test]
    public async Task A_member_cannot_remove_someone_else()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);

        (await api.As(team.Member).DeleteAsync($"{team.Members}/{team.Manager.UserId}"))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "insufficient_role");
    }

    [Test]
    public async Task Changing_or_removing_a_user_who_is_not_a_member_answers_404()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var outsider = await api.RegisterAsync();

        (await api.As(team.Owner).PatchAsync($"{team.Members}/{outsider.UserId}", new { role = "member" }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "member_not_found");
        (await api.As(team.Owner).DeleteAsync($"{team.Members}/{outsider.UserId}"))
            .ShouldBeProblem(HttpStatusCode.NotFound, "member_not_found");
    }

    [Test]
    public async Task An_unknown_role_answers_400_and_a_missing_role_names_the_field()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);

        (await api.As(team.Owner).PatchAsync($"{team.Members}/{team.Member.UserId}", new { role = "superuser" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "malformed_json");
        var missing = await api.As(team.Owner).PostAsync(team.Members, new { email = "x@example.com" });
        missing.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        missing.ErrorsOf("role").ShouldNotBeEmpty();
    }
}
