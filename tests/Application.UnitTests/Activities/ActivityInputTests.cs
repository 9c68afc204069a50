using Crm.Application.Activities.Commands.LogActivity;
using Crm.Application.Activities.Commands.UpdateActivity;
using Crm.Application.Activities.Queries.ListFeed;
using Crm.Application.Activities.Queries.ListRecordTimeline;
using Crm.Application.Activities.Common;
using Crm.Domain.Activities;
using Crm.Domain.Common;

namespace Crm.Application.UnitTests.Activities;

public sealed class ActivityInputTests
{
    private static readonly DateTime At = new(2026, 11, 20, 10, 15, 0, DateTimeKind.Utc);
    private static readonly Guid Contact = Guid.NewGuid();

    private static LogActivityCommand Call(Guid? contactId = null, Guid? companyId = null, Guid? dealId = null) =>
        new(ActivityType.Call, "Pilot", "Agreed.", At, 25, "connected", contactId, companyId, dealId);

    private static IEnumerable<string> Fields(LogActivityCommand command) =>
        new LogActivityValidator().Validate(command).Errors.Select(e => e.PropertyName).Distinct();

    [Test]
    public void An_activity_names_one_or_more_records_by_real_ids()
    {
        Fields(Call(Contact)).ShouldBeEmpty();
        Fields(Call(companyId: Guid.NewGuid())).ShouldBeEmpty();
        Fields(Call(dealId: Guid.NewGuid())).ShouldBeEmpty();
        Fields(Call(Contact, Guid.NewGuid(), Guid.NewGuid())).ShouldBeEmpty();
        Fields(Call()).ShouldBe(["ContactId", "CompanyId", "DealId"]);
        Fields(Call(Guid.Empty)).ShouldBe(["ContactId"]);
        Fields(Call(Contact, Guid.Empty, Guid.Empty)).ShouldBe(["CompanyId", "DealId"]);
    }

    [TestCase(ActivityType.Comment)]
    [TestCase(ActivityType.System)]
    [TestCase(ActivityType.StatusChanged)]
    public void Only_notes_calls_meetings_and_emails_are_logged(ActivityType type) =>
        Fields(Call(Contact) with { Type = type }).ShouldBe(["Type"]);

    [Test]
    public void A_logged_activity_has_a_body_a_time_and_bounded_fields()
    {
        Fields(Call(Contact) with { Body = null }).ShouldBe(["Body"]);
        Fields(Call(Contact) with { Body = "  " }).ShouldBe(["Body"]);
        Fields(Call(Contact) with { Body = new string('x', ActivityLimits.BodyMaxLength) }).ShouldBeEmpty();
        Fields(Call(Contact) with { Body = new string('x', ActivityLimits.BodyMaxLength + 1) }).ShouldBe(["Body"]);
        Fields(Call(Contact) with { OccurredAt = null }).ShouldBe(["OccurredAt"]);
        Fields(Call(Contact) with { OccurredAt = new DateTime(1800, 1, 1, 0, 0, 0, DateTimeKind.Utc) }).ShouldBe(["OccurredAt"]);
        Fields(Call(Contact) with { Subject = new string('s', ActivityLimits.SubjectMaxLength + 1) }).ShouldBe(["Subject"]);
        Fields(Call(Contact) with { Outcome = new string('o', ActivityLimits.OutcomeMaxLength + 1) }).ShouldBe(["Outcome"]);
        Fields(Call(Contact) with { DurationMinutes = 0 }).ShouldBeEmpty();
        Fields(Call(Contact) with { DurationMinutes = 1440 }).ShouldBeEmpty();
        Fields(Call(Contact) with { DurationMinutes = 1441 }).ShouldBe(["DurationMinutes"]);
        Fields(Call(Contact) with { DurationMinutes = -1 }).ShouldBe(["DurationMinutes"]);
    }

    [Test]
    public void An_edit_checks_only_the_fields_it_sets_and_a_body_is_never_cleared()
    {
        var validator = new UpdateActivityValidator();

        validator.Validate(new UpdateActivityCommand(Guid.NewGuid())).IsValid.ShouldBeTrue();
        validator.Validate(new UpdateActivityCommand(Guid.NewGuid(), Subject: new Optional<string?>(true, null), Outcome: new Optional<string?>(true, null)))
            .IsValid.ShouldBeTrue();
        validator.Validate(new UpdateActivityCommand(Guid.NewGuid(), Body: new Optional<string?>(true, null))).Errors.Select(e => e.PropertyName).Distinct().ShouldBe(["Body"]);
        validator.Validate(new UpdateActivityCommand(Guid.NewGuid(), OccurredAt: new Optional<DateTime?>(true, null))).Errors.Select(e => e.PropertyName).ShouldBe(["OccurredAt"]);
        validator.Validate(new UpdateActivityCommand(Guid.NewGuid(), DurationMinutes: new Optional<int?>(true, 2000))).Errors.Select(e => e.PropertyName).ShouldBe(["DurationMinutes"]);
    }

    [Test]
    public void Logged_text_is_trimmed_and_blank_optional_text_is_none()
    {
        var details = LoggedActivityInput.Details("  ", " Agreed. ", At, null, " busy ");

        details.Subject.ShouldBeNull();
        details.Body.ShouldBe("Agreed.");
        details.Outcome.ShouldBe("busy");
    }

    [TestCase(20, true)]
    [TestCase(21, false)]
    public void Feed_and_timeline_filters_are_bounded(int count, bool valid)
    {
        new ListFeedValidator().Validate(new ListFeedQuery(ActorId: Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToList())).IsValid.ShouldBe(valid);
        new ListFeedValidator().Validate(new ListFeedQuery(Type: Enumerable.Repeat(ActivityType.Call, count).ToList())).IsValid.ShouldBe(valid);
        new ListRecordTimelineValidator().Validate(new ListRecordTimelineQuery(ActivityRecordType.Contact, Contact, Type: Enumerable.Repeat(ActivityType.Call, count).ToList()))
            .IsValid.ShouldBe(valid);
    }
}
