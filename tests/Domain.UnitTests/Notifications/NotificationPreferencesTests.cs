using Crm.Domain.Notifications;

namespace Crm.Domain.UnitTests.Notifications;

public sealed class NotificationPreferencesTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 20, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    [Test]
    public void By_default_every_type_is_shown_in_the_app_and_only_what_asks_to_act_is_emailed()
    {
        var preferences = NotificationPreferences.Default(Guid.NewGuid());

        NotificationTypes.All.ShouldAllBe(t => preferences.ChannelsOf(t).InApp);
        preferences.ChannelsOf(NotificationTypes.TaskAssigned).Email.ShouldBeTrue();
        preferences.ChannelsOf(NotificationTypes.Mentioned).Email.ShouldBeTrue();
        preferences.ChannelsOf(NotificationTypes.DealWon).Email.ShouldBeFalse();
        preferences.ChannelsOf(NotificationTypes.DealStageChanged).Email.ShouldBeFalse();
        preferences.ChannelsOf(NotificationTypes.ExportFinished).Email.ShouldBeFalse();
        preferences.EmailDigest.ShouldBe(EmailDigest.Off);
        preferences.QuietHours.ShouldBeNull();
    }

    [Test]
    public void A_choice_replaces_the_default_of_its_type_and_replacing_again_forgets_what_is_not_named()
    {
        var preferences = NotificationPreferences.Default(Guid.NewGuid());

        preferences.Replace(new Dictionary<string, NotificationChannels> { [NotificationTypes.DealWon] = new(false, true) }, null, EmailDigest.Off, Now);
        preferences.ChannelsOf(NotificationTypes.DealWon).ShouldBe(new NotificationChannels(false, true));
        preferences.Replace(new Dictionary<string, NotificationChannels>(), null, EmailDigest.Off, Now);

        preferences.ChannelsOf(NotificationTypes.DealWon).ShouldBe(new NotificationChannels(true, false));
    }

    [Test]
    public void An_email_waits_for_the_grouping_window_or_the_next_full_hour_or_the_next_morning()
    {
        var preferences = NotificationPreferences.Default(Guid.NewGuid());
        preferences.EmailDueAt(Now, Window).ShouldBe(Now.AddMinutes(5));

        preferences.Replace(new Dictionary<string, NotificationChannels>(), null, EmailDigest.Hourly, Now);
        preferences.EmailDueAt(Now, Window).ShouldBe(new DateTime(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc));

        preferences.Replace(new Dictionary<string, NotificationChannels>(), null, EmailDigest.Daily, Now);
        preferences.EmailDueAt(Now, Window).ShouldBe(new DateTime(2026, 11, 21, 8, 0, 0, DateTimeKind.Utc));
        preferences.EmailDueAt(Now.Date.AddHours(7), Window).ShouldBe(new DateTime(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc));
    }

    [Test]
    public void Quiet_hours_spanning_midnight_hold_an_email_until_they_end_in_their_time_zone()
    {
        var preferences = NotificationPreferences.Default(Guid.NewGuid());
        preferences.Replace(
            new Dictionary<string, NotificationChannels>(), new QuietHours(new TimeOnly(22, 0), new TimeOnly(8, 0), "Europe/Paris"), EmailDigest.Off, Now);

        // 22:30 in Paris (UTC+1 in November) is 21:30 UTC: held until 08:00 Paris, 07:00 UTC, the next day.
        var evening = new DateTime(2026, 11, 20, 21, 30, 0, DateTimeKind.Utc);
        preferences.EmailDueAt(evening, Window).ShouldBe(new DateTime(2026, 11, 21, 7, 0, 0, DateTimeKind.Utc));
        // 06:00 in Paris is still quiet: held until 08:00 the same day.
        preferences.EmailDueAt(new DateTime(2026, 11, 21, 5, 0, 0, DateTimeKind.Utc), Window)
            .ShouldBe(new DateTime(2026, 11, 21, 7, 0, 0, DateTimeKind.Utc));
        // Midday is not.
        preferences.EmailDueAt(new DateTime(2026, 11, 21, 11, 0, 0, DateTimeKind.Utc), Window)
            .ShouldBe(new DateTime(2026, 11, 21, 11, 5, 0, DateTimeKind.Utc));
    }

    [Test]
    public void Quiet_hours_within_one_day_hold_only_during_them()
    {
        var quiet = new QuietHours(new TimeOnly(12, 0), new TimeOnly(14, 0), "UTC");

        quiet.EndOfPeriodAt(new DateTime(2026, 11, 20, 12, 30, 0, DateTimeKind.Utc)).ShouldBe(new DateTime(2026, 11, 20, 14, 0, 0, DateTimeKind.Utc));
        quiet.EndOfPeriodAt(new DateTime(2026, 11, 20, 14, 0, 0, DateTimeKind.Utc)).ShouldBeNull();
        quiet.EndOfPeriodAt(new DateTime(2026, 11, 20, 11, 59, 0, DateTimeKind.Utc)).ShouldBeNull();
    }

    [Test]
    public void A_notification_keeps_the_first_time_it_was_read_and_shortens_a_long_title()
    {
        var notification = Notification.Create(
            Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), NotificationTypes.Mentioned, new string('a', 400), "body", null, null, null, null,
            true, null, Now);

        notification.MarkRead(Now.AddMinutes(1));
        notification.MarkRead(Now.AddMinutes(2));

        notification.ReadAt.ShouldBe(Now.AddMinutes(1));
        notification.Title.Length.ShouldBe(Notification.TitleMaxLength);
    }
}
