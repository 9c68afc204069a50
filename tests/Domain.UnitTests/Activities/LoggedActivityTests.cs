using Crm.Domain.Activities;
using Crm.Domain.Activities.Events;
using Crm.Domain.Auditing;
using Crm.Domain.Errors;
using Crm.Domain.Organizations;

namespace Crm.Domain.UnitTests.Activities;

public sealed class LoggedActivityTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Organization = Guid.NewGuid();
    private static readonly LoggedActivity Details = new("Pilot", "Agreed on a pilot.", Now.AddHours(-2), 25, "connected");

    private static Activity Log(Guid author, ActivityType type = ActivityType.Call, ActivityLinks? links = null, IReadOnlyCollection<Guid>? mentions = null) =>
        Activity.Log(Organization, links ?? new ActivityLinks(null, Guid.NewGuid(), null), author, ActorType.User, type, Details, mentions ?? [], Now);

    [TestCase(ActivityType.Note)]
    [TestCase(ActivityType.Call)]
    [TestCase(ActivityType.Meeting)]
    [TestCase(ActivityType.Email)]
    public void People_log_notes_calls_meetings_and_emails_which_are_announced(ActivityType type)
    {
        var author = Guid.NewGuid();

        var activity = Log(author, type);

        activity.Type.ShouldBe(type);
        activity.Body.ShouldBe("Agreed on a pilot.");
        activity.OccurredAt.ShouldBe(Now.AddHours(-2));
        activity.CreatedAt.ShouldBe(Now);
        activity.UpdatedAt.ShouldBeNull();
        var logged = activity.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<ActivityLogged>();
        logged.ActivityId.ShouldBe(activity.Id);
        logged.ActorId.ShouldBe(author);
    }

    [TestCase(ActivityType.Comment)]
    [TestCase(ActivityType.System)]
    [TestCase(ActivityType.ContactUpdated)]
    public void Other_types_are_not_logged(ActivityType type) =>
        RuleAssert.AssertBrokenRule(() => Log(Guid.NewGuid(), type), "activity_type_not_allowed", ErrorKind.Invalid);

    [Test]
    public void An_activity_is_logged_on_at_least_one_record() =>
        RuleAssert.AssertBrokenRule(() => Log(Guid.NewGuid(), links: new ActivityLinks(null, null, null)), "activity_record_required", ErrorKind.Invalid);

    [Test]
    public void Only_notes_keep_mentions_among_logged_activities()
    {
        var mentioned = Guid.NewGuid();

        Log(Guid.NewGuid(), ActivityType.Note, mentions: [mentioned]).Mentions.ShouldBe([mentioned]);
        Log(Guid.NewGuid(), ActivityType.Call, mentions: [mentioned]).Mentions.ShouldBeEmpty();
    }

    [TestCase(MemberRole.Owner)]
    [TestCase(MemberRole.Admin)]
    [TestCase(MemberRole.Manager)]
    public void Managers_and_above_edit_and_delete_anyones_activity(MemberRole role)
    {
        var activity = Log(Guid.NewGuid());
        var actor = new Actor(Guid.NewGuid(), role);

        activity.Edit(actor, Details with { Outcome = "busy" }, [], Now.AddMinutes(5));
        activity.Delete(actor);

        activity.Outcome.ShouldBe("busy");
        activity.UpdatedAt.ShouldBe(Now.AddMinutes(5));
        activity.DomainEvents.Select(e => e.GetType()).ShouldBe([typeof(ActivityLogged), typeof(ActivityEdited), typeof(ActivityDeleted)]);
    }

    [Test]
    public void A_member_edits_and_deletes_its_own_activity_only()
    {
        var author = Guid.NewGuid();
        var activity = Log(author);

        RuleAssert.AssertBrokenRule(() => activity.Edit(new Actor(Guid.NewGuid(), MemberRole.Member), Details with { Body = "x" }, [], Now), "not_activity_author", ErrorKind.Forbidden);
        RuleAssert.AssertBrokenRule(() => activity.Delete(new Actor(Guid.NewGuid(), MemberRole.Member)), "not_activity_author", ErrorKind.Forbidden);
        activity.Body.ShouldBe("Agreed on a pilot.");

        activity.Edit(new Actor(author, MemberRole.Member), Details with { Body = "Pilot agreed." }, [], Now);
        activity.Body.ShouldBe("Pilot agreed.");
    }

    [Test]
    public void A_comment_is_deleted_but_not_edited_and_system_entries_neither()
    {
        var author = Guid.NewGuid();
        var owner = new Actor(Guid.NewGuid(), MemberRole.Owner);
        var comment = Activity.Record(Organization, Guid.NewGuid(), author, ActivityType.Comment, "{}", Now);
        var system = Activity.Record(Organization, Guid.NewGuid(), author, ActivityType.StatusChanged, "{}", Now);

        RuleAssert.AssertBrokenRule(() => comment.Edit(owner, Details, [], Now), "activity_not_editable", ErrorKind.Invalid);
        RuleAssert.AssertBrokenRule(() => system.Delete(owner), "activity_not_editable", ErrorKind.Invalid);
        Should.NotThrow(() => comment.Delete(new Actor(author, MemberRole.Member)));
    }
}
