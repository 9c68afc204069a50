using System.Net;
using System.Text.Json.Nodes;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

public sealed class LoggedActivityTests : ApiTest
{
    private const string Activities = "/api/v1/activities";

    private static object Call(Guid? contactId = null, Guid? companyId = null, Guid? dealId = null, string body = "Agreed on a pilot.") => new
    {
        type = "call",
        subject = "Pilot",
        body,
        occurred_at = "2026-11-20T10:15:00Z",
        duration_minutes = 25,
        outcome = "connected",
        contact_id = contactId,
        company_id = companyId,
        deal_id = dealId,
    };

    private static async Task<Guid> CreateCompanyAsync(Api api, string name = "Initech")
    {
        var reply = await api.PostAsync("/api/v1/companies", new { name });
        reply.Status.ShouldBe(HttpStatusCode.Created, reply.Text);
        return Guid.Parse((string)reply.Json["id"]!);
    }

    private static async Task<JsonNode> LogAsync(Api api, object activity)
    {
        var reply = await api.PostAsync(Activities, activity);
        reply.Status.ShouldBe(HttpStatusCode.Created, reply.Text);
        return reply.Json;
    }

    [Test]
    public async Task A_member_logs_a_call_on_a_contact_which_its_timeline_shows_after_the_contacts_creation()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var contact = await api.As(team.Owner).CreateContactAsync();

        var reply = await api.As(team.Member).PostAsync(Activities, Call(contact));

        reply.Status.ShouldBe(HttpStatusCode.Created, reply.Text);
        var id = (string)reply.Json["id"]!;
        reply.Headers.Location!.ToString().ShouldBe($"{Activities}/{id}");
        ((string?)reply.Json["type"]).ShouldBe("call");
        ((string?)reply.Json["subject"]).ShouldBe("Pilot");
        ((string?)reply.Json["body"]).ShouldBe("Agreed on a pilot.");
        ((int?)reply.Json["duration_minutes"]).ShouldBe(25);
        ((string?)reply.Json["outcome"]).ShouldBe("connected");
        ((string?)reply.Json["contact_id"]).ShouldBe(contact.ToString());
        ((string?)reply.Json["author_id"]).ShouldBe(team.Member.UserId.ToString());
        ((string?)reply.Json["occurred_at"]).ShouldStartWith("2026-11-20T10:15:00");
        (await api.As(team.Owner).TimelineTypesAsync($"/api/v1/contacts/{contact}/activities")).ShouldBe(["call", "system"]);
        var fetched = await api.As(team.Owner).GetAsync($"{Activities}/{id}");
        ((string?)fetched.Json["body"]).ShouldBe("Agreed on a pilot.");
    }

    [Test]
    public async Task An_activity_names_at_least_one_record_of_the_organization_and_valid_fields()
    {
        var api = NewApi();
        var owner = api.As(await api.RegisterAsync());
        var stranger = api.As(await api.RegisterAsync());
        var contact = await owner.CreateContactAsync();
        var theirContact = await stranger.CreateContactAsync();
        var theirCompany = await CreateCompanyAsync(stranger);
        var theirDeal = await stranger.CreateDealAsync();

        (await owner.PostAsync(Activities, Call())).ErrorsOf("contact_id").ShouldNotBeEmpty();
        (await owner.PostAsync(Activities, Call(theirContact))).ShouldBeProblem(HttpStatusCode.BadRequest, "contact_not_found");
        (await owner.PostAsync(Activities, Call(contact, companyId: theirCompany))).ShouldBeProblem(HttpStatusCode.BadRequest, "company_not_found");
        (await owner.PostAsync(Activities, Call(contact, dealId: theirDeal))).ShouldBeProblem(HttpStatusCode.BadRequest, "deal_not_found");
        (await owner.PostAsync(Activities, new { type = "comment", body = "x", occurred_at = "2026-11-20T10:15:00Z", contact_id = contact }))
            .ErrorsOf("type").ShouldNotBeEmpty();
        (await owner.PostAsync(Activities, new { type = "lunch", body = "x", occurred_at = "2026-11-20T10:15:00Z", contact_id = contact }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "malformed_json");
        (await owner.PostAsync(Activities, new { type = "note", body = " ", occurred_at = "2026-11-20T10:15:00Z", contact_id = contact }))
            .ErrorsOf("body").ShouldNotBeEmpty();
        (await owner.PostAsync(Activities, new { type = "note", body = new string('x', 5001), occurred_at = "2026-11-20T10:15:00Z", contact_id = contact }))
            .ErrorsOf("body").ShouldNotBeEmpty();
        (await owner.PostAsync(Activities, new { type = "note", body = "x", contact_id = contact })).ErrorsOf("occurred_at").ShouldNotBeEmpty();
        (await owner.PostAsync(Activities, new { type = "call", body = "x", occurred_at = "2026-11-20T10:15:00Z", duration_minutes = 1441, contact_id = contact }))
            .ErrorsOf("duration_minutes").ShouldNotBeEmpty();
        (await owner.PostAsync(Activities, new { type = "call", subject = new string('s', 201), body = "x", occurred_at = "2026-11-20T10:15:00Z", contact_id = contact }))
            .ErrorsOf("subject").ShouldNotBeEmpty();
        (await owner.PostAsync(Activities, new { type = "call", outcome = new string('o', 101), body = "x", occurred_at = "2026-11-20T10:15:00Z", contact_id = contact }))
            .ErrorsOf("outcome").ShouldNotBeEmpty();
        (await owner.TimelineTypesAsync($"/api/v1/contacts/{contact}/activities")).ShouldBe(["system"]);
    }

    [Test]
    public async Task A_deals_entries_and_activities_logged_on_it_show_on_its_contacts_and_companys_timelines()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var company = await CreateCompanyAsync(api);
        var contactReply = await api.PostAsync("/api/v1/contacts", new { name = "Ada", company_id = company });
        var contact = Guid.Parse((string)contactReply.Json["id"]!);
        var dealReply = await api.PostAsync("/api/v1/deals", new { contact_id = contact, company_id = company, title = "Pilot", amount = 10, currency = "EUR" });
        var deal = Guid.Parse((string)dealReply.Json["id"]!);
        await api.PatchDealAsync(deal, new { status = "in_progress" });

        var meeting = await LogAsync(api, new { type = "meeting", body = "Kick-off", occurred_at = "2026-11-21T09:00:00Z", deal_id = deal });

        ((string?)meeting["contact_id"]).ShouldBe(contact.ToString());
        ((string?)meeting["company_id"]).ShouldBe(company.ToString());
        (await api.TimelineAsync(deal)).ShouldBe(["meeting", "status_changed", "system"]);
        (await api.TimelineTypesAsync($"/api/v1/contacts/{contact}/activities")).ShouldBe(["meeting", "status_changed", "system", "system"]);
        (await api.TimelineTypesAsync($"/api/v1/companies/{company}/activities")).ShouldBe(["meeting", "status_changed", "system", "system"]);
        (await api.TimelineTypesAsync($"/api/v1/companies/{company}/activities?type=meeting&type=status_changed")).ShouldBe(["meeting", "status_changed"]);
        (await api.TimelineTypesAsync($"/api/v1/deals/{deal}/activities?type=meeting")).ShouldBe(["meeting"]);
        (await api.GetAsync($"/api/v1/deals/{deal}/activities?type=lunch")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Test]
    public async Task Contacts_and_companies_get_created_and_updated_entries_with_their_changes()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var owner = api.As(team.Owner);
        var contact = await owner.CreateContactAsync("Ada");
        var company = await CreateCompanyAsync(owner);

        (await owner.PatchAsync($"/api/v1/contacts/{contact}", new { name = "Ada L.", owner_id = team.Manager.UserId })).Status.ShouldBe(HttpStatusCode.OK);
        (await owner.PatchAsync($"/api/v1/companies/{company}", new { industry = "Software" })).Status.ShouldBe(HttpStatusCode.OK);

        var contactTimeline = await owner.GetAsync($"/api/v1/contacts/{contact}/activities");
        var updated = contactTimeline.Json["items"]![0]!;
        ((string?)updated["type"]).ShouldBe("contact_updated");
        var changes = updated["payload"]!["changes"]!.AsArray();
        changes.Select(c => (string?)c!["field"]).ShouldBe(["name", "owner_id"]);
        ((string?)changes[0]!["from"]).ShouldBe("Ada");
        ((string?)changes[0]!["to"]).ShouldBe("Ada L.");
        ((string?)changes[1]!["to"]).ShouldBe(team.Manager.UserId.ToString());
        ((string?)contactTimeline.Json["items"]![1]!["payload"]!["event"]).ShouldBe("contact_created");
        var companyTimeline = await owner.GetAsync($"/api/v1/companies/{company}/activities");
        companyTimeline.Json["items"]!.AsArray().Select(a => (string?)a!["type"]).ShouldBe(["company_updated", "system"]);
        ((string?)companyTimeline.Json["items"]![1]!["payload"]!["event"]).ShouldBe("company_created");
    }

    [Test]
    public async Task Another_organizations_activities_and_timelines_are_not_found()
    {
        var api = NewApi();
        var owner = api.As(await api.RegisterAsync());
        var stranger = api.As(await api.RegisterAsync());
        var contact = await owner.CreateContactAsync();
        var company = await CreateCompanyAsync(owner);
        var id = (string)(await LogAsync(owner, Call(contact)))["id"]!;

        (await stranger.GetAsync($"{Activities}/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "activity_not_found");
        (await stranger.PatchAsync($"{Activities}/{id}", new { body = "mine" })).ShouldBeProblem(HttpStatusCode.NotFound, "activity_not_found");
        (await stranger.DeleteAsync($"{Activities}/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "activity_not_found");
        (await stranger.GetAsync($"/api/v1/contacts/{contact}/activities")).ShouldBeProblem(HttpStatusCode.NotFound, "contact_not_found");
        (await stranger.GetAsync($"/api/v1/companies/{company}/activities")).ShouldBeProblem(HttpStatusCode.NotFound, "company_not_found");
        var feed = await stranger.GetAsync(Activities);
        feed.Json["items"]!.AsArray().Select(a => (string?)a!["id"]).ShouldNotContain(id);
        ((string?)(await owner.GetAsync($"{Activities}/{id}")).Json["id"]).ShouldBe(id);
    }

    [TestCase("owner", HttpStatusCode.OK)]
    [TestCase("admin", HttpStatusCode.OK)]
    [TestCase("manager", HttpStatusCode.OK)]
    [TestCase("member", HttpStatusCode.Forbidden)]
    public async Task Someone_elses_activity_is_changed_and_deleted_by_managers_and_above_only(string role, HttpStatusCode expected)
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var author = await Team.JoinAsync(api, team.Owner, "member");
        var contact = await api.As(team.Owner).CreateContactAsync();
        var id = (string)(await LogAsync(api.As(author), Call(contact)))["id"]!;
        var actor = api.As(role switch { "owner" => team.Owner, "admin" => team.Admin, "manager" => team.Manager, _ => team.Member });

        var changed = await actor.PatchAsync($"{Activities}/{id}", new { outcome = "busy" });
        var deleted = await actor.DeleteAsync($"{Activities}/{id}");

        if (expected == HttpStatusCode.OK)
        {
            changed.Status.ShouldBe(HttpStatusCode.OK, changed.Text);
            ((string?)changed.Json["outcome"]).ShouldBe("busy");
            changed.Json["updated_at"].ShouldNotBeNull();
            deleted.Status.ShouldBe(HttpStatusCode.NoContent, deleted.Text);
            (await actor.GetAsync($"{Activities}/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "activity_not_found");
        }
        else
        {
            changed.ShouldBeProblem(HttpStatusCode.Forbidden, "not_activity_author");
            deleted.ShouldBeProblem(HttpStatusCode.Forbidden, "not_activity_author");
            ((string?)(await actor.GetAsync($"{Activities}/{id}")).Json["outcome"]).ShouldBe("connected");
        }
    }

    [Test]
    public async Task The_author_edits_fields_clears_optional_ones_and_deletes_its_activity_and_its_comment_but_not_system_entries()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var member = api.As(team.Member);
        var deal = await member.CreateDealAsync();
        var id = (string)(await LogAsync(member, Call(dealId: deal)))["id"]!;

        var changed = await member.PatchAsync($"{Activities}/{id}", new { body = "Pilot agreed for January.", subject = (string?)null, duration_minutes = 30 });

        changed.Status.ShouldBe(HttpStatusCode.OK, changed.Text);
        ((string?)changed.Json["body"]).ShouldBe("Pilot agreed for January.");
        ((string?)changed.Json["subject"]).ShouldBeNull();
        ((int?)changed.Json["duration_minutes"]).ShouldBe(30);
        ((string?)changed.Json["outcome"]).ShouldBe("connected");
        (await member.PatchAsync($"{Activities}/{id}", new { body = "" })).ErrorsOf("body").ShouldNotBeEmpty();
        (await member.PatchAsync($"{Activities}/{id}", new { duration_minutes = -1 })).ErrorsOf("duration_minutes").ShouldNotBeEmpty();

        var comment = await member.PostAsync($"/api/v1/deals/{deal}/activities", new { type = "comment", payload = new { text = "Nice" } });
        var commentId = (string)comment.Json["id"]!;
        (await member.PatchAsync($"{Activities}/{commentId}", new { body = "edited" })).ShouldBeProblem(HttpStatusCode.BadRequest, "activity_not_editable");
        var system = (string)(await member.GetAsync($"/api/v1/deals/{deal}/activities?type=system")).Json["items"]![0]!["id"]!;
        (await api.As(team.Owner).DeleteAsync($"{Activities}/{system}")).ShouldBeProblem(HttpStatusCode.BadRequest, "activity_not_editable");
        (await member.DeleteAsync($"{Activities}/{commentId}")).Status.ShouldBe(HttpStatusCode.NoContent);
        (await member.DeleteAsync($"{Activities}/{id}")).Status.ShouldBe(HttpStatusCode.NoContent);
        (await member.TimelineAsync(deal)).ShouldBe(["system"]);
    }

    [Test]
    public async Task An_api_key_logs_and_changes_activities_as_its_own_actor()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var contact = await api.As(team.Owner).CreateContactAsync();
        var key = await api.As(team.Owner).PostAsync("/api/v1/api-keys", new { name = "Sync", role = "member" });
        var bot = api.WithToken(key["secret"]).InOrganization(null);

        var logged = await bot.PostAsync(Activities, Call(contact));
        logged.Status.ShouldBe(HttpStatusCode.Created, logged.Text);
        ((string?)logged.Json["author_id"]).ShouldBe(key["id"]);
        ((string?)logged.Json["author_type"]).ShouldBe("api_key");
        var id = (string)logged.Json["id"]!;
        var humans = (string)(await LogAsync(api.As(team.Member), Call(contact)))["id"]!;

        (await bot.PatchAsync($"{Activities}/{id}", new { outcome = "busy" })).Status.ShouldBe(HttpStatusCode.OK);
        (await bot.DeleteAsync($"{Activities}/{humans}")).ShouldBeProblem(HttpStatusCode.Forbidden, "not_activity_author");
        (await api.As(team.Member).DeleteAsync($"{Activities}/{id}")).ShouldBeProblem(HttpStatusCode.Forbidden, "not_activity_author");
    }

    [Test]
    public async Task Mentions_of_members_are_stored_and_others_stay_text()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var stranger = await api.RegisterAsync();
        var contact = await api.As(team.Owner).CreateContactAsync();
        var body = $"@[Mia](user:{team.Member.UserId}) and @[Stan](user:{stranger.UserId}) and @[Mia again](user:{team.Member.UserId}) please call.";

        var note = await LogAsync(api.As(team.Owner), new { type = "note", body, occurred_at = "2026-11-20T10:15:00Z", contact_id = contact });
        var call = await LogAsync(api.As(team.Owner), Call(contact, body: body));
        var deal = await api.As(team.Owner).CreateDealAsync(contact);
        var comment = await api.As(team.Owner).PostAsync($"/api/v1/deals/{deal}/activities", new { type = "comment", payload = new { text = body } });

        note["mentions"]!.AsArray().Select(m => (string?)m).ShouldBe([team.Member.UserId.ToString()]);
        ((string?)note["body"]).ShouldBe(body);
        call["mentions"]!.AsArray().ShouldBeEmpty();
        comment.Json["mentions"]!.AsArray().Select(m => (string?)m).ShouldBe([team.Member.UserId.ToString()]);
        var mine = await api.As(team.Member).GetAsync($"{Activities}?mentions=me");
        mine.Json["items"]!.AsArray().Select(a => (string?)a!["id"]).ShouldBe([(string?)comment.Json["id"], (string?)note["id"]]);
        (await api.As(team.Owner).GetAsync($"{Activities}?mentions=me")).Json["items"]!.AsArray().ShouldBeEmpty();
        (await api.As(team.Owner).GetAsync($"{Activities}?mentions=you")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Test]
    public async Task Logging_editing_and_deleting_are_audited_with_the_mentions_as_a_list()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var owner = api.As(team.Owner);
        var contact = await owner.CreateContactAsync();
        var note = await LogAsync(owner, new { type = "note", body = $"@[Mia](user:{team.Member.UserId}) see this", occurred_at = "2026-11-20T10:15:00Z", contact_id = contact });
        (await owner.PatchAsync($"{Activities}/{note["id"]}", new { body = "see this" })).Status.ShouldBe(HttpStatusCode.OK);
        (await owner.DeleteAsync($"{Activities}/{note["id"]}")).Status.ShouldBe(HttpStatusCode.NoContent);

        var audit = await owner.GetAsync($"/api/v1/audit-logs?entity_id={note["id"]}");

        audit.Status.ShouldBe(HttpStatusCode.OK, audit.Text);
        var actions = audit.Json["items"]!.AsArray().Select(e => (string?)e!["action"]).ToList();
        actions.ShouldBe(["log_activity", "update_activity", "delete_activity"], ignoreOrder: true);
        var logged = audit.Json["items"]!.AsArray().Single(e => (string?)e!["action"] == "log_activity")!;
        var mentions = logged["changes"]!.AsArray().Single(c => (string?)c!["field"] == "mentions")!;
        ((string?)mentions["to"]).ShouldBe($"[\"{team.Member.UserId}\"]");
        audit.Text.ShouldNotContain("System.");
    }

    [Test]
    public async Task The_feed_shows_every_members_entries_newest_first_with_filters_and_a_cursor()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var contact = await api.As(team.Owner).CreateContactAsync();
        var company = await CreateCompanyAsync(api.As(team.Manager));
        var deal = await api.As(team.Member).CreateDealAsync(contact);
        var since = DateTime.UtcNow.ToString("O");
        await LogAsync(api.As(team.Member), Call(contact));
        await LogAsync(api.As(team.Admin), new { type = "email", body = "Sent the quote", occurred_at = "2026-11-20T10:15:00Z", company_id = company });

        var feed = await api.As(team.Member).GetAsync(Activities);
        feed.Json["items"]!.AsArray().Select(a => (string?)a!["type"]).ShouldBe(["email", "call", "system", "system", "system"]);
        (await api.As(team.Member).TimelineTypesAsync($"{Activities}?actor_id={team.Admin.UserId}")).ShouldBe(["email"]);
        (await api.As(team.Member).TimelineTypesAsync($"{Activities}?type=call&type=email")).ShouldBe(["email", "call"]);
        (await api.As(team.Member).TimelineTypesAsync($"{Activities}?record_type=company")).ShouldBe(["email", "system"]);
        (await api.As(team.Member).TimelineTypesAsync($"{Activities}?record_type=deal")).ShouldBe(["system"]);
        (await api.As(team.Member).TimelineTypesAsync($"{Activities}?record_type=contact")).ShouldBe(["call", "system"]);
        (await api.As(team.Member).TimelineTypesAsync($"{Activities}?since={Uri.EscapeDataString(since)}")).ShouldBe(["email", "call"]);
        (await api.As(team.Member).GetAsync($"{Activities}?record_type=task")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");

        var first = await api.As(team.Member).GetAsync($"{Activities}?page_size=4");
        var next = (string)first.Json["next_cursor"]!;
        var second = await api.As(team.Member).GetAsync($"{Activities}?page_size=4&cursor={Uri.EscapeDataString(next)}");
        second.Json["items"]!.AsArray().Count.ShouldBe(1);
        (await api.As(team.Owner).GetAsync($"{Activities}?page_size=4&cursor={Uri.EscapeDataString(next)}"))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_cursor");
        _ = deal;
    }

    [Test]
    public async Task Deleting_a_contact_removes_the_entries_only_it_had_and_keeps_those_of_other_records()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var company = await CreateCompanyAsync(api);
        var contact = await api.CreateContactAsync();
        var alone = (string)(await LogAsync(api, Call(contact)))["id"]!;
        var shared = (string)(await LogAsync(api, Call(contact, company)))["id"]!;

        (await api.DeleteAsync($"/api/v1/contacts/{contact}")).Status.ShouldBe(HttpStatusCode.NoContent);

        (await api.GetAsync($"{Activities}/{alone}")).ShouldBeProblem(HttpStatusCode.NotFound, "activity_not_found");
        var kept = await api.GetAsync($"{Activities}/{shared}");
        ((string?)kept.Json["contact_id"]).ShouldBeNull();
        ((string?)kept.Json["company_id"]).ShouldBe(company.ToString());
        (await api.TimelineTypesAsync($"/api/v1/companies/{company}/activities")).ShouldBe(["call", "system"]);
    }
}
