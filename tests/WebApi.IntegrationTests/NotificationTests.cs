using System.Net;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

/// <summary>Who is told of what, and the notifications API: a person's own notifications, in all their organizations.</summary>
public sealed class NotificationTests : ApiTest
{
    [Test]
    public async Task A_task_given_by_a_colleague_notifies_its_assignee_and_nobody_is_told_of_their_own_actions()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        await NotificationQueue.StartEmptyAsync();
        var deal = await api.As(team.Manager).CreateDealAsync();

        (await api.As(team.Manager).PostAsync("/api/v1/tasks", new { deal_id = deal, title = "Send the offer", assignee_id = team.Member.UserId }))
            .Status.ShouldBe(HttpStatusCode.Created);
        await api.As(team.Manager).CreateTaskAsync(deal, "My own");
        await NotificationQueue.ProcessAsync();

        var items = await NotificationQueue.OfAsync(api, team.Member);
        items.Count.ShouldBe(1);
        var item = items[0];
        ((string)item["type"]!).ShouldBe("task_assigned");
        ((string)item["title"]!).ShouldBe("Test User assigned you a task");
        ((string)item["body"]!).ShouldBe("Send the offer");
        ((string)item["record"]!["type"]!).ShouldBe("task");
        ((string)item["actor"]!["id"]!).ShouldBe(team.Manager.UserId.ToString());
        ((string)item["organization_id"]!).ShouldBe(team.OrganizationId.ToString());
        item["read_at"].ShouldBeNull();
        (await NotificationQueue.OfAsync(api, team.Manager)).ShouldBeEmpty();
    }

    [Test]
    public async Task A_deal_given_won_or_moved_by_someone_else_notifies_its_owner_but_not_when_the_owner_does_it()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        await NotificationQueue.StartEmptyAsync();
        var contact = await api.As(team.Manager).CreateContactAsync(ownerId: team.Member.UserId);
        var created = await api.As(team.Manager).PostAsync(
            "/api/v1/deals", new { contact_id = contact, title = "Licences", amount = 1000, currency = "EUR", owner_id = team.Member.UserId });
        created.Status.ShouldBe(HttpStatusCode.Created, created.Text);
        var deal = Guid.Parse(created["id"]!);
        (await api.As(team.Manager).PatchDealAsync(deal, new { stage = "proposal" })).Status.ShouldBe(HttpStatusCode.OK);
        (await api.As(team.Member).PatchDealAsync(deal, new { stage = "negotiation" })).Status.ShouldBe(HttpStatusCode.OK);
        (await api.As(team.Manager).PatchDealAsync(deal, new { status = "won" })).Status.ShouldBe(HttpStatusCode.OK);
        await NotificationQueue.ProcessAsync();

        (await NotificationQueue.TypesOfAsync(api, team.Member))
            .ShouldBe(["deal_won", "deal_stage_changed", "deal_assigned", "contact_assigned"]);
        var moved = (await NotificationQueue.OfAsync(api, team.Member))[1];
        ((string)moved["title"]!).ShouldBe("Test User moved your deal to proposal");
        (await NotificationQueue.OfAsync(api, team.Manager)).ShouldBeEmpty();
    }

    [Test]
    public async Task A_comment_notifies_whom_it_mentions_and_the_deal_owner_once_and_never_its_author()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        await NotificationQueue.StartEmptyAsync();
        var deal = await api.As(team.Owner).CreateDealAsync();
        var text = $"@[Member](user:{team.Member.UserId}) and @[Manager](user:{team.Manager.UserId}) please look";
        (await api.As(team.Manager).PostAsync($"/api/v1/deals/{deal}/activities", new { type = "comment", payload = new { text } }))
            .Status.ShouldBe(HttpStatusCode.Created);
        var mentioningOwner = $"@[Owner](user:{team.Owner.UserId}) see above";
        (await api.As(team.Admin).PostAsync($"/api/v1/deals/{deal}/activities", new { type = "comment", payload = new { text = mentioningOwner } }))
            .Status.ShouldBe(HttpStatusCode.Created);
        await NotificationQueue.ProcessAsync();

        var mention = (await NotificationQueue.OfAsync(api, team.Member)).ShouldHaveSingleItem();
        ((string)mention["type"]!).ShouldBe("mentioned");
        ((string)mention["body"]!).ShouldBe("@Member and @Manager please look");
        ((string)mention["record"]!["id"]!).ShouldBe(deal.ToString());
        (await NotificationQueue.TypesOfAsync(api, team.Owner)).ShouldBe(["mentioned", "deal_commented"]);
        (await NotificationQueue.OfAsync(api, team.Manager)).ShouldBeEmpty();
        (await NotificationQueue.OfAsync(api, team.Admin)).ShouldBeEmpty();
    }

    [Test]
    public async Task An_invitation_notifies_an_invitee_with_a_proved_address()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync(organization: "Acme");
        var invitee = await api.RegisterAsync();
        await api.VerifyEmailAsync(invitee);
        var unproved = await api.RegisterAsync();
        await Team.InviteAsync(api, owner, invitee.Email, "member");
        await Team.InviteAsync(api, owner, unproved.Email, "member");
        await NotificationQueue.ProcessAsync();

        var invitation = (await NotificationQueue.OfAsync(api, invitee)).ShouldHaveSingleItem();
        ((string)invitation["type"]!).ShouldBe("invitation_received");
        ((string)invitation["title"]!).ShouldBe("Test User invited you to Acme");
        (await NotificationQueue.OfAsync(api, unproved)).ShouldBeEmpty();
    }

    [Test]
    public async Task The_list_pages_newest_first_by_cursor_and_filters_unread_and_by_organization()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        await NotificationQueue.StartEmptyAsync();
        var other = await api.RegisterAsync(organization: "Other");
        await Team.InviteAsync(api, other, team.Member.Email, "manager");
        await NotificationQueue.ProcessAsync();
        var deal = await api.As(team.Manager).CreateDealAsync();
        for (var i = 0; i < 5; i++)
        {
            await api.As(team.Manager).PostAsync("/api/v1/tasks", new { deal_id = deal, title = $"Task {i}", assignee_id = team.Member.UserId });
        }

        await NotificationQueue.ProcessAsync();
        var me = api.As(team.Member).InOrganization(null);

        var first = await me.GetAsync("/api/v1/notifications?page_size=4");
        first.Status.ShouldBe(HttpStatusCode.OK, first.Text);
        var firstItems = first.Json["items"]!.AsArray();
        firstItems.Count.ShouldBe(4);
        ((string)firstItems[0]!["type"]!).ShouldBe("task_assigned");
        ((string)firstItems[0]!["body"]!).ShouldBe("Task 4");
        var next = (string)first.Json["next_cursor"]!;
        var second = await me.GetAsync($"/api/v1/notifications?page_size=4&cursor={next}");
        var secondItems = second.Json["items"]!.AsArray();
        secondItems.Count.ShouldBe(2);
        ((string)secondItems[1]!["type"]!).ShouldBe("invitation_received");

        var inTeam = await api.As(team.Member).GetAsync("/api/v1/notifications");
        inTeam.Json["items"]!.AsArray().Count.ShouldBe(5);
        (await me.GetAsync("/api/v1/notifications/unread-count")).Json["unread_count"]!.GetValue<int>().ShouldBe(6);

        var read = await me.PostAsync($"/api/v1/notifications/{firstItems[0]!["id"]}/read");
        read.Status.ShouldBe(HttpStatusCode.OK, read.Text);
        read["read_at"].ShouldNotBeNull();
        (await me.GetAsync("/api/v1/notifications?unread=true")).Json["items"]!.AsArray().Count.ShouldBe(5);

        var before = (string)firstItems[2]!["created_at"]!;
        var some = await me.PostAsync($"/api/v1/notifications/read-all?before={Uri.EscapeDataString(before)}");
        some.Status.ShouldBe(HttpStatusCode.OK, some.Text);
        some.Json["marked"]!.GetValue<int>().ShouldBe(4);
        (await me.GetAsync("/api/v1/notifications/unread-count")).Json["unread_count"]!.GetValue<int>().ShouldBe(1);
        (await me.PostAsync("/api/v1/notifications/read-all")).Json["marked"]!.GetValue<int>().ShouldBe(1);
        (await me.GetAsync("/api/v1/notifications/unread-count")).Json["unread_count"]!.GetValue<int>().ShouldBe(0);
    }

    [Test]
    public async Task Another_persons_notification_is_not_found_and_a_foreign_or_malformed_organization_is_refused()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        await NotificationQueue.StartEmptyAsync();
        var stranger = await api.RegisterAsync();
        var deal = await api.As(team.Manager).CreateDealAsync();
        await api.As(team.Manager).PostAsync("/api/v1/tasks", new { deal_id = deal, title = "Call", assignee_id = team.Member.UserId });
        await NotificationQueue.ProcessAsync();
        var id = (string)(await NotificationQueue.OfAsync(api, team.Member))[0]["id"]!;

        (await api.As(team.Manager).InOrganization(null).PostAsync($"/api/v1/notifications/{id}/read"))
            .ShouldBeProblem(HttpStatusCode.NotFound, "notification_not_found");
        (await api.As(stranger).InOrganization(null).PostAsync($"/api/v1/notifications/{Guid.NewGuid()}/read"))
            .ShouldBeProblem(HttpStatusCode.NotFound, "notification_not_found");
        (await api.As(stranger).InOrganization(null).PostAsync("/api/v1/notifications/read-all")).Json["marked"]!.GetValue<int>().ShouldBe(0);
        (await api.As(team.Member).InOrganization(null).GetAsync("/api/v1/notifications/unread-count"))
            .Json["unread_count"]!.GetValue<int>().ShouldBe(1);

        (await api.As(stranger, team.OrganizationId).GetAsync("/api/v1/notifications"))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "organization_access_denied");
        (await api.As(stranger, team.OrganizationId).GetAsync("/api/v1/notifications/unread-count"))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "organization_access_denied");
        (await api.As(team.Member).InOrganization(null).SendAsync(HttpMethod.Get, "/api/v1/notifications", null, ("X-Organization-Id", "acme")))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "organization_header_required");
        (await api.As(team.Member).InOrganization(null).GetAsync("/api/v1/notifications?page_size=101"))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        (await api.As(team.Member).InOrganization(null).GetAsync("/api/v1/notifications?cursor=nonsense"))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_cursor");
        (await api.InOrganization(null).GetAsync("/api/v1/notifications")).Status.ShouldBe(HttpStatusCode.Unauthorized);

        var key = await api.As(team.Owner).PostAsync("/api/v1/api-keys", new { name = "Sync", role = "manager" });
        (await api.WithToken(key["secret"]).InOrganization(null).GetAsync("/api/v1/notifications"))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "api_key_not_allowed");
    }

    [Test]
    public async Task Preferences_start_at_their_defaults_are_replaced_whole_and_turn_a_type_off_in_the_app()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        await NotificationQueue.StartEmptyAsync();
        var me = api.As(team.Member).InOrganization(null);

        var defaults = await me.GetAsync("/api/v1/notifications/preferences");
        defaults.Status.ShouldBe(HttpStatusCode.OK, defaults.Text);
        defaults.Json["channels"]!["task_assigned"]!["email"]!.GetValue<bool>().ShouldBeTrue();
        defaults.Json["channels"]!["deal_won"]!["email"]!.GetValue<bool>().ShouldBeFalse();
        defaults.Json["channels"]!.AsObject().Count.ShouldBe(14);
        defaults.Json["quiet_hours"].ShouldBeNull();
        ((string)defaults.Json["email_digest"]!).ShouldBe("off");

        var put = await me.PutAsync("/api/v1/notifications/preferences", new
        {
            channels = new { task_assigned = new { in_app = false, email = false }, deal_won = new { in_app = true, email = true } },
            quiet_hours = new { start = "22:00", end = "08:00", time_zone = "Europe/Paris" },
            email_digest = "hourly",
        });
        put.Status.ShouldBe(HttpStatusCode.OK, put.Text);
        put.Json["channels"]!["deal_won"]!["email"]!.GetValue<bool>().ShouldBeTrue();
        ((string)put.Json["quiet_hours"]!["time_zone"]!).ShouldBe("Europe/Paris");
        var read = await me.GetAsync("/api/v1/notifications/preferences");
        read.Json["channels"]!["task_assigned"]!["in_app"]!.GetValue<bool>().ShouldBeFalse();
        ((string)read.Json["quiet_hours"]!["start"]!).ShouldBe("22:00");
        ((string)read.Json["email_digest"]!).ShouldBe("hourly");

        var deal = await api.As(team.Manager).CreateDealAsync();
        await api.As(team.Manager).PostAsync("/api/v1/tasks", new { deal_id = deal, title = "Call", assignee_id = team.Member.UserId });
        await NotificationQueue.ProcessAsync();
        (await NotificationQueue.TypesOfAsync(api, team.Member)).ShouldNotContain("task_assigned");

        (await me.PutAsync("/api/v1/notifications/preferences", new { })).Status.ShouldBe(HttpStatusCode.OK);
        (await me.GetAsync("/api/v1/notifications/preferences")).Json["channels"]!["task_assigned"]!["in_app"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Test]
    public async Task Malformed_preferences_are_refused_with_the_field_at_fault()
    {
        var api = NewApi();
        var me = api.As(await api.RegisterAsync()).InOrganization(null);

        var unknown = await me.PutAsync("/api/v1/notifications/preferences", new { channels = new { lunch = new { in_app = true, email = true } } });
        unknown.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        unknown.ErrorsOf("channels.lunch").ShouldNotBeEmpty();
        var half = await me.PutAsync("/api/v1/notifications/preferences", new { channels = new { deal_won = new { email = true } } });
        half.ErrorsOf("channels.deal_won").ShouldNotBeEmpty();
        var time = await me.PutAsync("/api/v1/notifications/preferences", new { quiet_hours = new { start = "25:00", end = "08:00", time_zone = "UTC" } });
        time.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        time.ErrorsOf("quiet_hours.start").ShouldNotBeEmpty();
        var zone = await me.PutAsync("/api/v1/notifications/preferences", new { quiet_hours = new { start = "22:00", end = "08:00", time_zone = "Mars/Olympus" } });
        zone.ErrorsOf("quiet_hours.time_zone").ShouldNotBeEmpty();
        var digest = await me.PutAsync("/api/v1/notifications/preferences", new { email_digest = "weekly" });
        digest.Status.ShouldBe(HttpStatusCode.BadRequest);
        (await me.SendRawAsync(HttpMethod.Put, "/api/v1/notifications/preferences", "{\"channels\": ["))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "malformed_json");
    }
}
