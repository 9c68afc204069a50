using System.Net;
using Crm.Infrastructure.Notifications.Live;
using Crm.TestSupport;
using Crm.WebApi.IntegrationTests.Support;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.WebApi.IntegrationTests;

/// <summary>
/// Live delivery: the notification hub (SignalR) and the event stream (server-sent events), who may connect, what each
/// person receives, resuming a stream without loss, and delivery across two instances sharing Redis.
/// </summary>
public sealed class LiveNotificationTests : ApiTest
{
    [TestCase(HttpTransportType.WebSockets)]
    [TestCase(HttpTransportType.ServerSentEvents)]
    [TestCase(HttpTransportType.LongPolling)]
    public async Task A_person_on_the_hub_receives_the_notification_a_colleague_caused_and_nobody_else_does(HttpTransportType transport)
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        await NotificationQueue.StartEmptyAsync();
        await using var member = await LiveClient.ConnectAsync(Testing.Factory, team.Member.AccessToken, transport);
        await using var admin = await LiveClient.ConnectAsync(Testing.Factory, team.Admin.AccessToken, transport);
        ((int)(await member.NextUnreadCountAsync())["unread_count"]!).ShouldBe(0, "a connection is told its unread count first");
        var deal = await api.As(team.Manager).CreateDealAsync();

        await api.As(team.Manager).PostAsync("/api/v1/tasks", new { deal_id = deal, title = "Send the offer", assignee_id = team.Member.UserId });
        await NotificationQueue.ProcessAsync();

        var received = await member.NextNotificationAsync();
        var listed = (await NotificationQueue.OfAsync(api, team.Member)).Single();
        received.ToJsonString().ShouldBe(listed.ToJsonString(), "the hub sends a notification as the list shows it");
        ((string)received["type"]!).ShouldBe("task_assigned");
        var count = await member.NextUnreadCountAsync();
        ((int)count["unread_count"]!).ShouldBe(1);
        ((string)count["organizations"]![0]!["organization_id"]!).ShouldBe(team.OrganizationId.ToString());
        ((int)count["organizations"]![0]!["unread_count"]!).ShouldBe(1);

        // The admin's first notification is its own: had the member's reached it, it would have come first.
        await api.As(team.Manager).PostAsync("/api/v1/tasks", new { deal_id = deal, title = "For the admin", assignee_id = team.Admin.UserId });
        await NotificationQueue.ProcessAsync();
        ((string)(await admin.NextNotificationAsync())["body"]!).ShouldBe("For the admin");
    }

    [Test]
    public async Task Reading_notifications_pushes_the_new_unread_count()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        await NotificationQueue.StartEmptyAsync();
        var deal = await api.As(team.Manager).CreateDealAsync();
        await using var member = await LiveClient.ConnectAsync(Testing.Factory, team.Member.AccessToken);
        await member.NextUnreadCountAsync();
        await api.As(team.Manager).PostAsync("/api/v1/tasks", new { deal_id = deal, title = "One", assignee_id = team.Member.UserId });
        await api.As(team.Manager).PostAsync("/api/v1/tasks", new { deal_id = deal, title = "Two", assignee_id = team.Member.UserId });
        await NotificationQueue.ProcessAsync();
        ((int)(await member.NextUnreadCountAsync())["unread_count"]!).ShouldBe(2);
        var first = await member.NextNotificationAsync();

        (await api.As(team.Member).InOrganization(null).PostAsync($"/api/v1/notifications/{first["id"]}/read")).Status.ShouldBe(HttpStatusCode.OK);
        ((int)(await member.NextUnreadCountAsync())["unread_count"]!).ShouldBe(1);

        (await api.As(team.Member).InOrganization(null).PostAsync("/api/v1/notifications/read-all")).Status.ShouldBe(HttpStatusCode.OK);
        var none = await member.NextUnreadCountAsync();
        ((int)none["unread_count"]!).ShouldBe(0);
        none["organizations"]!.AsArray().ShouldBeEmpty();
    }

    [Test]
    public async Task The_hub_refuses_a_bad_token_a_revoked_session_and_an_api_key()
    {
        var api = NewApi();
        var account = await api.RegisterAsync();
        var key = await api.As(account).PostAsync("/api/v1/api-keys", new { name = "Live", role = "member" });
        key.Status.ShouldBe(HttpStatusCode.Created, key.Text);

        (await Should.ThrowAsync<HttpRequestException>(() => LiveClient.ConnectAsync(Testing.Factory, "not-a-token", HttpTransportType.LongPolling)))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Should.ThrowAsync<HttpRequestException>(() => LiveClient.ConnectAsync(Testing.Factory, (string)key.Json["secret"]!, HttpTransportType.LongPolling)))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.As(account).PostAsync("/api/v1/auth/logout")).Status.ShouldBe(HttpStatusCode.NoContent);
        (await Should.ThrowAsync<HttpRequestException>(() => LiveClient.ConnectAsync(Testing.Factory, account.AccessToken)))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task An_open_hub_connection_and_event_stream_close_once_their_session_is_revoked()
    {
        var api = NewApi();
        var account = await api.RegisterAsync();
        await using var live = await LiveClient.ConnectAsync(Testing.Factory, account.AccessToken);
        var (stream, _) = await EventStreamClient.OpenAsync(Testing.Factory.CreateClient(), account.AccessToken);
        using var events = stream.ShouldNotBeNull();
        var watch = Testing.Factory.Services.GetRequiredService<LiveSessionWatch>();
        await watch.CloseEndedAsync(CancellationToken.None);
        live.Connection.State.ShouldBe(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected, "a live session keeps its connections");

        (await api.As(account).PostAsync("/api/v1/auth/logout")).Status.ShouldBe(HttpStatusCode.NoContent);
        await watch.CloseEndedAsync(CancellationToken.None);

        await live.ClosedAsync();
        (await events.NextAsync()).ShouldBeNull("the stream ends");
    }

    [Test]
    public async Task An_access_token_in_the_query_string_is_refused_outside_the_live_paths()
    {
        var api = NewApi();
        var account = await api.RegisterAsync();
        var anonymous = api.WithToken(null).InOrganization(null);
        var token = Uri.EscapeDataString(account.AccessToken);

        (await anonymous.GetAsync($"/api/v1/notifications?access_token={token}")).ShouldBeProblem(HttpStatusCode.Unauthorized, "authentication_required");
        (await anonymous.GetAsync($"/api/v1/notifications/unread-count?access_token={token}")).ShouldBeProblem(HttpStatusCode.Unauthorized, "authentication_required");
        (await anonymous.GetAsync($"/api/v1/auth/me?access_token={token}")).ShouldBeProblem(HttpStatusCode.Unauthorized, "authentication_required");

        // The hub's negotiation is an ordinary request: the header, never the query.
        (await anonymous.PostAsync($"/hubs/notifications/negotiate?negotiateVersion=1&access_token={token}")).Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await api.As(account).InOrganization(null).PostAsync("/hubs/notifications/negotiate?negotiateVersion=1")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task The_event_stream_resumes_after_the_last_event_with_exactly_the_missed_notifications_then_goes_on_live()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        await NotificationQueue.StartEmptyAsync();
        var deal = await api.As(team.Manager).CreateDealAsync();
        var http = Testing.Factory.CreateClient();
        async Task AssignAsync(string title)
        {
            (await api.As(team.Manager).PostAsync("/api/v1/tasks", new { deal_id = deal, title, assignee_id = team.Member.UserId }))
                .Status.ShouldBe(HttpStatusCode.Created);
            await NotificationQueue.ProcessAsync();
        }

        var (first, response) = await EventStreamClient.OpenAsync(http, team.Member.AccessToken);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        string lastId;
        using (var stream = first.ShouldNotBeNull())
        {
            await AssignAsync("One");
            await AssignAsync("Two");
            var one = (await stream.NextAsync()).ShouldNotBeNull();
            one.Event.ShouldBe("notification");
            ((string)one.Data["body"]!).ShouldBe("One");
            var two = (await stream.NextAsync()).ShouldNotBeNull();
            ((string)two.Data["body"]!).ShouldBe("Two");
            long.Parse(two.Id!).ShouldBeGreaterThan(long.Parse(one.Id!));
            lastId = two.Id!;
        }

        await AssignAsync("Three");
        await AssignAsync("Four");
        await AssignAsync("Five");

        var (second, _) = await EventStreamClient.OpenAsync(http, team.Member.AccessToken, lastId);
        using var resumed = second.ShouldNotBeNull();
        var missed = new List<StreamEvent>();
        for (var i = 0; i < 3; i++)
        {
            missed.Add((await resumed.NextAsync()).ShouldNotBeNull());
        }

        missed.Select(e => (string)e.Data["body"]!).ShouldBe(["Three", "Four", "Five"]);
        var listed = await NotificationQueue.OfAsync(api, team.Member);
        missed[0].Data.ToJsonString().ShouldBe(listed.Single(n => (string)n["body"]! == "Three").ToJsonString());

        await AssignAsync("Six");
        ((string)(await resumed.NextAsync()).ShouldNotBeNull().Data["body"]!).ShouldBe("Six", "nothing is sent twice; the next one is the new one");
    }

    [Test]
    public async Task Processors_running_in_parallel_give_the_stream_every_notification_once_in_cursor_order()
    {
        // Small batches, so that four processors at once each make some: cursors committed in order is what is tested.
        await using var host = new CrmApiFactory(
            Testing.Database.ConnectionString, settings: new Dictionary<string, string?> { ["Notifications:BatchSize"] = "3" });
        var api = new Api(host.CreateClient());
        var team = await Team.CreateAsync(api);
        var processor = host.Services.GetRequiredService<Crm.Infrastructure.Notifications.NotificationProcessor>();
        while (await processor.ProcessBatchAsync(CancellationToken.None) > 0)
        {
        }

        var (opened, _) = await EventStreamClient.OpenAsync(host.CreateClient(), team.Member.AccessToken);
        using var stream = opened.ShouldNotBeNull();
        var deal = await api.As(team.Manager).CreateDealAsync();
        const int count = 60;
        var created = await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
            api.As(team.Manager).PostAsync("/api/v1/tasks", new { deal_id = deal, title = $"Task {i}", assignee_id = team.Member.UserId })));
        created.ShouldAllBe(r => r.Status == HttpStatusCode.Created);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (await processor.ProcessBatchAsync(CancellationToken.None) > 0)
            {
            }
        })));

        var events = new List<StreamEvent>();
        for (var i = 0; i < count; i++)
        {
            events.Add((await stream.NextAsync()).ShouldNotBeNull());
        }

        var cursors = events.Select(e => long.Parse(e.Id!)).ToList();
        cursors.ShouldBe(cursors.Order().ToList());
        cursors.Distinct().Count().ShouldBe(count);
        events.Select(e => (string)e.Data["body"]!).Order().ShouldBe(Enumerable.Range(0, count).Select(i => $"Task {i}").Order());
    }

    [Test]
    public async Task The_event_stream_refuses_a_bad_cursor_a_foreign_organization_and_more_than_five_streams()
    {
        var api = NewApi();
        var account = await api.RegisterAsync();
        var stranger = await api.RegisterAsync();
        var http = Testing.Factory.CreateClient();

        var (_, bad) = await EventStreamClient.OpenAsync(http, account.AccessToken, "yesterday");
        (await Problem(bad)).ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_last_event_id");
        var (_, foreign) = await EventStreamClient.OpenAsync(http, account.AccessToken, organizationId: stranger.OrganizationId);
        (await Problem(foreign)).ShouldBeProblem(HttpStatusCode.Forbidden, "organization_access_denied");
        var (_, anonymous) = await EventStreamClient.OpenAsync(http, "not-a-token");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var open = new List<EventStreamClient>();
        try
        {
            for (var i = 0; i < 5; i++)
            {
                var (stream, _) = await EventStreamClient.OpenAsync(http, account.AccessToken);
                open.Add(stream.ShouldNotBeNull());
            }

            var (_, sixth) = await EventStreamClient.OpenAsync(http, account.AccessToken);
            var refused = (await Problem(sixth)).ShouldBeProblem(HttpStatusCode.TooManyRequests, "too_many_live_connections");
            refused.Headers.RetryAfter.ShouldNotBeNull();
            var (other, _) = await EventStreamClient.OpenAsync(http, stranger.AccessToken);
            using (other.ShouldNotBeNull())
            {
            }
        }
        finally
        {
            open.ForEach(s => s.Dispose());
        }
    }

    [Test]
    public async Task With_Redis_a_client_of_one_instance_receives_what_a_write_through_the_other_caused()
    {
        var settings = new Dictionary<string, string?> { ["Caching:Redis"] = TestRedis.Configuration, ["Caching:RedisPrefix"] = $"t{Guid.NewGuid():N}:" };
        await using var first = new CrmApiFactory(Testing.Database.ConnectionString, settings: settings);
        await using var second = new CrmApiFactory(Testing.Database.ConnectionString, settings: settings);
        var one = new Api(first.CreateClient());
        var team = await Team.CreateAsync(one);
        var processor = first.Services.GetRequiredService<Crm.Infrastructure.Notifications.NotificationProcessor>();
        while (await processor.ProcessBatchAsync(CancellationToken.None) > 0)
        {
        }

        await using var live = await LiveClient.ConnectAsync(second, team.Member.AccessToken);
        var (stream, _) = await EventStreamClient.OpenAsync(second.CreateClient(), team.Member.AccessToken);
        using var events = stream.ShouldNotBeNull();
        var deal = await one.As(team.Manager).CreateDealAsync();

        (await one.As(team.Manager).PostAsync("/api/v1/tasks", new { deal_id = deal, title = "Across", assignee_id = team.Member.UserId }))
            .Status.ShouldBe(HttpStatusCode.Created);
        while (await processor.ProcessBatchAsync(CancellationToken.None) > 0)
        {
        }

        ((string)(await live.NextNotificationAsync())["body"]!).ShouldBe("Across");
        ((string)(await events.NextAsync()).ShouldNotBeNull().Data["body"]!).ShouldBe("Across");
    }

    private static async Task<Reply> Problem(HttpResponseMessage response)
    {
        using (response)
        {
            return new Reply(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers, response.Content.Headers);
        }
    }
}
