using System.Net;
using Crm.Application.Common.Interfaces;
using Crm.Application.Notifications.Common;
using Crm.Domain.Notifications;
using Crm.Infrastructure.Data;
using Crm.WebApi.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.WebApi.IntegrationTests;

/// <summary>
/// The way from a change to a notification and its email: the queue written with the change, the processors of several
/// instances, the daily task reminders, grouping, quiet hours and digests on a clock the test moves.
/// </summary>
public sealed class NotificationDeliveryTests : ApiTest
{
    private static readonly DateTimeOffset Today9 = new(DateTime.UtcNow.Date.AddHours(9), TimeSpan.Zero);

    [Test]
    public async Task A_change_that_rolls_back_after_writing_its_notification_notifies_nobody()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        await NotificationQueue.StartEmptyAsync();

        await using (var scope = Testing.Factory.Services.CreateAsyncScope())
        {
            var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
            var outbox = scope.ServiceProvider.GetRequiredService<INotificationOutbox>();
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            await Should.ThrowAsync<InvalidOperationException>(() => unitOfWork.ExecuteInTransactionAsync<int>(
                async ct =>
                {
                    outbox.Queue(new NotificationDraft(
                        team.Member.UserId, team.OrganizationId, NotificationTypes.DealAssigned, "deal", Guid.NewGuid(), team.Manager.UserId, "Lost"));
                    await db.SaveChangesAsync(ct);
                    (await Testing.Database.ScalarAsync<long>("SELECT count(*) FROM pending_notifications")).ShouldBe(0);
                    throw new InvalidOperationException("The change fails after its notification was written.");
                },
                CancellationToken.None));
        }

        (await Testing.Database.ScalarAsync<long>("SELECT count(*) FROM pending_notifications")).ShouldBe(0);
        await NotificationQueue.ProcessAsync();
        (await NotificationQueue.OfAsync(api, team.Member)).ShouldBeEmpty();
    }

    [Test]
    public async Task A_refused_change_notifies_nobody()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        await NotificationQueue.StartEmptyAsync();
        var deal = await api.As(team.Manager).CreateDealAsync();

        // A member may not give a deal it does not own: the change, and its notification, never happen.
        (await api.As(team.Member).PatchDealAsync(deal, new { owner_id = team.Admin.UserId })).Status.ShouldBe(HttpStatusCode.Forbidden);
        await NotificationQueue.ProcessAsync();

        (await NotificationQueue.OfAsync(api, team.Admin)).ShouldBeEmpty();
    }

    [Test]
    public async Task Committed_notifications_are_made_exactly_once_by_two_processors_running_together()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        await NotificationQueue.StartEmptyAsync();
        var deal = await api.As(team.Manager).CreateDealAsync();
        const int count = 40;
        await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
            api.As(team.Manager).PostAsync("/api/v1/tasks", new { deal_id = deal, title = $"Task {i}", assignee_id = team.Member.UserId })));
        (await Testing.Database.ScalarAsync<long>("SELECT count(*) FROM pending_notifications")).ShouldBe(count);

        var processors = new[] { NotificationQueue.Processor(TimeProvider.System), NotificationQueue.Processor(TimeProvider.System) };
        var taken = await Task.WhenAll(processors.Select(async processor =>
        {
            var total = 0;
            int batch;
            while ((batch = await processor.ProcessBatchAsync(CancellationToken.None)) > 0)
            {
                total += batch;
            }

            return total;
        }));

        taken.Sum().ShouldBe(count);
        (await Testing.Database.ScalarAsync<long>("SELECT count(*) FROM pending_notifications")).ShouldBe(0);
        (await Testing.Database.ScalarAsync<long>("SELECT count(DISTINCT record_id) FROM notifications WHERE type = 'task_assigned'")).ShouldBe(count);
        (await Testing.Database.ScalarAsync<long>("SELECT count(*) FROM notifications")).ShouldBe(count);
    }

    [Test]
    public async Task Tasks_due_today_and_newly_overdue_are_reminded_once_a_day_per_organization_by_two_runners_together()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        await NotificationQueue.StartEmptyAsync();
        var deal = await api.As(team.Manager).CreateDealAsync();
        var today = DateOnly.FromDateTime(Today9.UtcDateTime).ToString("yyyy-MM-dd");
        await api.As(team.Manager).PostAsync("/api/v1/tasks", new { deal_id = deal, title = "Due", assignee_id = team.Member.UserId, due_date = today });
        var late = await api.As(team.Manager).PostAsync("/api/v1/tasks", new { deal_id = deal, title = "Late", assignee_id = team.Member.UserId, due_date = today });
        var done = await api.As(team.Manager).PostAsync("/api/v1/tasks", new { deal_id = deal, title = "Done", assignee_id = team.Member.UserId, due_date = today });
        await api.As(team.Member).PatchAsync($"/api/v1/tasks/{done["id"]}", new { is_done = true });
        await Testing.Database.ScalarAsync<int>($"UPDATE tasks SET due_date = due_date - 1 WHERE id = '{late["id"]}'");
        await NotificationQueue.StartEmptyAsync();

        (await NotificationQueue.Reminders(new ManualClock(Today9.AddHours(-2))).RemindAsync(CancellationToken.None)).ShouldBe(0);
        var runners = new[] { NotificationQueue.Reminders(new ManualClock(Today9)), NotificationQueue.Reminders(new ManualClock(Today9)) };
        var reminded = await Task.WhenAll(runners.Select(r => r.RemindAsync(CancellationToken.None)));
        var organizations = await Testing.Database.ScalarAsync<long>("SELECT count(*) FROM organizations");
        reminded.Sum().ShouldBe((int)organizations);
        (await runners[0].RemindAsync(CancellationToken.None)).ShouldBe(0);
        var day = DateOnly.FromDateTime(Today9.UtcDateTime);
        var again = await Task.WhenAll(runners.Select(r => r.RemindAsync(team.OrganizationId, day, CancellationToken.None)));
        again.ShouldAllBe(sent => !sent);
        await NotificationQueue.ProcessAsync();

        var items = await NotificationQueue.OfAsync(api, team.Member);
        items.Select(n => $"{n["type"]}:{n["body"]}").Order().ShouldBe(["task_due_today:Due", "task_overdue:Late"]);
        items.ShouldAllBe(n => n["actor"] == null);
        (await NotificationQueue.OfAsync(api, team.Manager)).ShouldBeEmpty();

        // The next morning is another day.
        var tomorrow = NotificationQueue.Reminders(new ManualClock(Today9.AddDays(1)));
        (await tomorrow.RemindAsync(team.OrganizationId, day.AddDays(1), CancellationToken.None)).ShouldBeTrue();
    }

    [Test]
    public async Task Notifications_arriving_within_the_grouping_window_are_emailed_together_once()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        await NotificationQueue.StartEmptyAsync();
        var clock = new ManualClock(Today9);
        var deal = await api.As(team.Manager).CreateDealAsync();
        for (var i = 0; i < 3; i++)
        {
            await api.As(team.Manager).PostAsync("/api/v1/tasks", new { deal_id = deal, title = $"Task {i}", assignee_id = team.Member.UserId });
        }

        // A won deal is not emailed by default: it is in the app only, and not in the email.
        await api.As(team.Owner).PatchDealAsync(await api.As(team.Member).CreateDealAsync(), new { status = "won" });
        await NotificationQueue.Processor(clock).ProcessBatchAsync(CancellationToken.None);
        var emailer = NotificationQueue.Emailer(clock);

        clock.Advance(TimeSpan.FromMinutes(4));
        (await emailer.SendDueAsync(CancellationToken.None)).ShouldBe(0);
        clock.Advance(TimeSpan.FromMinutes(1));
        (await emailer.SendDueAsync(CancellationToken.None)).ShouldBe(1);
        (await emailer.SendDueAsync(CancellationToken.None)).ShouldBe(0);

        (await EmailsToAsync(team.Member)).ShouldBe(1);
        (await Testing.Database.ScalarAsync<string>(
                $"SELECT subject FROM outbox_messages WHERE template = 'notifications' AND recipient = '{team.Member.Email}'"))
            .ShouldBe("3 new notifications");
        var text = await Testing.Database.ScalarAsync<string>(
            $"SELECT text_body FROM outbox_messages WHERE template = 'notifications' AND recipient = '{team.Member.Email}'");
        text!.ShouldContain("Task 2");
        text!.ShouldNotContain("won");
        (await EmailsToAsync(team.Manager)).ShouldBe(0);
    }

    [Test]
    public async Task What_was_read_in_the_app_before_its_email_went_is_not_emailed()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        await NotificationQueue.StartEmptyAsync();
        var clock = new ManualClock(Today9);
        var deal = await api.As(team.Manager).CreateDealAsync();
        await api.As(team.Manager).PostAsync("/api/v1/tasks", new { deal_id = deal, title = "Call", assignee_id = team.Member.UserId });
        await NotificationQueue.Processor(clock).ProcessBatchAsync(CancellationToken.None);
        await api.As(team.Member).InOrganization(null).PostAsync("/api/v1/notifications/read-all");

        clock.Advance(TimeSpan.FromMinutes(5));
        (await NotificationQueue.Emailer(clock).SendDueAsync(CancellationToken.None)).ShouldBe(0);
        (await EmailsToAsync(team.Member)).ShouldBe(0);
        (await Testing.Database.ScalarAsync<long>("SELECT count(*) FROM notifications WHERE emailed_at IS NULL AND email_due_at IS NOT NULL")).ShouldBe(0);
    }

    [Test]
    public async Task Quiet_hours_hold_emails_until_they_end_and_then_send_them_grouped()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        await NotificationQueue.StartEmptyAsync();
        (await api.As(team.Member).InOrganization(null).PutAsync("/api/v1/notifications/preferences", new
        {
            quiet_hours = new { start = "22:00", end = "08:00", time_zone = "UTC" },
        })).Status.ShouldBe(HttpStatusCode.OK);
        var evening = new DateTimeOffset(DateTime.UtcNow.Date.AddHours(23), TimeSpan.Zero);
        var clock = new ManualClock(evening);
        var deal = await api.As(team.Manager).CreateDealAsync();
        await api.As(team.Manager).PostAsync("/api/v1/tasks", new { deal_id = deal, title = "Late call", assignee_id = team.Member.UserId });
        await NotificationQueue.Processor(clock).ProcessBatchAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(2));
        await api.As(team.Manager).PostAsync("/api/v1/tasks", new { deal_id = deal, title = "Night call", assignee_id = team.Member.UserId });
        await NotificationQueue.Processor(clock).ProcessBatchAsync(CancellationToken.None);
        var emailer = NotificationQueue.Emailer(clock);

        clock.Now = new DateTimeOffset(evening.Date.AddDays(1).AddHours(7).AddMinutes(59), TimeSpan.Zero);
        (await emailer.SendDueAsync(CancellationToken.None)).ShouldBe(0);
        clock.Now = new DateTimeOffset(evening.Date.AddDays(1).AddHours(8), TimeSpan.Zero);
        (await emailer.SendDueAsync(CancellationToken.None)).ShouldBe(1);
        (await Testing.Database.ScalarAsync<string>(
                $"SELECT subject FROM outbox_messages WHERE template = 'notifications' AND recipient = '{team.Member.Email}'"))
            .ShouldBe("2 new notifications");
    }

    [Test]
    public async Task An_hourly_digest_waits_for_the_next_full_hour_and_an_email_turned_off_is_never_sent()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        await NotificationQueue.StartEmptyAsync();
        (await api.As(team.Member).InOrganization(null).PutAsync("/api/v1/notifications/preferences", new { email_digest = "hourly" }))
            .Status.ShouldBe(HttpStatusCode.OK);
        (await api.As(team.Admin).InOrganization(null).PutAsync("/api/v1/notifications/preferences", new
        {
            channels = new { task_assigned = new { in_app = true, email = false } },
        })).Status.ShouldBe(HttpStatusCode.OK);
        var clock = new ManualClock(Today9.AddMinutes(20));
        var deal = await api.As(team.Manager).CreateDealAsync();
        await api.As(team.Manager).PostAsync("/api/v1/tasks", new { deal_id = deal, title = "Call", assignee_id = team.Member.UserId });
        await api.As(team.Manager).PostAsync("/api/v1/tasks", new { deal_id = deal, title = "Call", assignee_id = team.Admin.UserId });
        await NotificationQueue.Processor(clock).ProcessBatchAsync(CancellationToken.None);
        var emailer = NotificationQueue.Emailer(clock);

        clock.Advance(TimeSpan.FromMinutes(30));
        (await emailer.SendDueAsync(CancellationToken.None)).ShouldBe(0);
        clock.Now = Today9.AddHours(1);
        (await emailer.SendDueAsync(CancellationToken.None)).ShouldBe(1);
        (await Testing.Database.ScalarAsync<string>(
                $"SELECT subject FROM outbox_messages WHERE template = 'notifications' AND recipient = '{team.Member.Email}'"))
            .ShouldBe("Test User assigned you a task");
        clock.Advance(TimeSpan.FromDays(1));
        (await emailer.SendDueAsync(CancellationToken.None)).ShouldBe(0);
        (await EmailsToAsync(team.Admin)).ShouldBe(0);
        (await NotificationQueue.OfAsync(api, team.Admin)).ShouldHaveSingleItem();
    }

    private static Task<long> EmailsToAsync(Account account) =>
        Testing.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM outbox_messages WHERE template = 'notifications' AND recipient = '{account.Email}'");
}
