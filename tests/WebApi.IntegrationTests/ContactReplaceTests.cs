using System.Net;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

public sealed class ContactReplaceTests : ApiTest
{
    [Test]
    public async Task A_replacement_sets_every_field_and_clears_the_optional_ones_left_out()
    {
        var api = NewApi();
        var account = await api.RegisterAsync();
        var owner = api.As(account);
        var created = await owner.PostAsync("/api/v1/contacts", new { name = "Ada", email = "ada@example.com", phone = "+44 20 7946 0000" });
        var id = (string)created.Json["id"]!;

        var replaced = await owner.PutAsync($"/api/v1/contacts/{id}", new { name = "Ada Lovelace", owner_id = account.UserId });

        replaced.Status.ShouldBe(HttpStatusCode.OK, replaced.Text);
        ((string?)replaced.Json["name"]).ShouldBe("Ada Lovelace");
        replaced.Json["email"].ShouldBeNull();
        replaced.Json["phone"].ShouldBeNull();
        var read = await owner.GetAsync($"/api/v1/contacts/{id}");
        read.Json.ToJsonString().ShouldBe(replaced.Json.ToJsonString());
        var withAll = await owner.PutAsync($"/api/v1/contacts/{id}", new { name = "Ada", email = "ada@example.org", phone = "+44 20 7946 0001", owner_id = account.UserId });
        ((string?)withAll.Json["email"]).ShouldBe("ada@example.org");
        ((string?)withAll.Json["phone"]).ShouldBe("+44 20 7946 0001");
        var trail = (await owner.GetAsync($"/api/v1/audit-logs?entity_id={id}&action=replace_contact")).Json["items"]!.AsArray();
        trail.Count.ShouldBe(2);
        trail.ShouldAllBe(e => (string?)e!["actor_id"] == account.UserId.ToString());
    }

    [Test]
    public async Task Name_and_owner_must_be_sent_and_be_valid()
    {
        var api = NewApi();
        var account = await api.RegisterAsync();
        var owner = api.As(account);
        var id = await owner.CreateContactAsync();

        Fields(await owner.PutAsync($"/api/v1/contacts/{id}", new { email = "a@example.com", owner_id = account.UserId })).ShouldBe(["name"]);
        Fields(await owner.PutAsync($"/api/v1/contacts/{id}", new { name = "Ada" })).ShouldBe(["owner_id"]);
        Fields(await owner.PutAsync($"/api/v1/contacts/{id}", new { name = " ", email = "not-an-email", owner_id = account.UserId }))
            .ShouldBe(["email", "name"], ignoreOrder: true);
        (await owner.PutAsync($"/api/v1/contacts/{id}", new { name = "Ada", owner_id = Guid.NewGuid() }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "user_not_member");
        (await owner.GetAsync($"/api/v1/contacts/{id}")).Json["name"]!.GetValue<string>().ShouldBe("Ada Lovelace");
    }

    [Test]
    public async Task Replacing_follows_the_roles_like_a_partial_update()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var managers = await api.As(team.Manager).CreateContactAsync("Manager's");
        var members = await api.As(team.Member).CreateContactAsync("Member's");

        (await api.As(team.Member).PutAsync($"/api/v1/contacts/{managers}", new { name = "Mine now", owner_id = team.Member.UserId }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "not_record_owner");
        (await api.As(team.Member).PutAsync($"/api/v1/contacts/{members}", new { name = "Given away", owner_id = team.Manager.UserId }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "owner_assignment_forbidden");
        var kept = await api.As(team.Member).PutAsync($"/api/v1/contacts/{members}", new { name = "Still mine", owner_id = team.Member.UserId });
        kept.Status.ShouldBe(HttpStatusCode.OK, kept.Text);
        var moved = await api.As(team.Manager).PutAsync($"/api/v1/contacts/{members}", new { name = "Moved", owner_id = team.Manager.UserId });
        ((string?)moved.Json["owner_id"]).ShouldBe(team.Manager.UserId.ToString());
    }

    [Test]
    public async Task Another_organizations_contact_is_not_found_and_an_email_in_use_is_a_conflict()
    {
        var api = NewApi();
        var theirs = api.As(await api.RegisterAsync());
        var theirContact = await theirs.CreateContactAsync("Theirs", "taken@example.com");
        var account = await api.RegisterAsync();
        var mine = api.As(account);
        await mine.CreateContactAsync("Other", "used@example.com");
        var myContact = await mine.CreateContactAsync("Mine");

        (await mine.PutAsync($"/api/v1/contacts/{theirContact}", new { name = "Hijacked", owner_id = account.UserId }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "contact_not_found");
        (await theirs.GetAsync($"/api/v1/contacts/{theirContact}")).Json["name"]!.GetValue<string>().ShouldBe("Theirs");
        (await mine.PutAsync($"/api/v1/contacts/{myContact}", new { name = "Mine", email = "USED@example.com", owner_id = account.UserId }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "contact_email_taken");
        (await mine.PutAsync($"/api/v1/contacts/{myContact}", new { name = "Mine", email = "taken@example.com", owner_id = account.UserId }))
            .Status.ShouldBe(HttpStatusCode.OK);
    }

    private static IEnumerable<string> Fields(Reply reply)
    {
        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        return reply.Json["errors"]!.AsObject().Select(e => e.Key).ToList();
    }
}
