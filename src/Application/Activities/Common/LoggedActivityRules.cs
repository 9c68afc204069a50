using Crm.Domain.Activities;
using FluentValidation;

namespace Crm.Application.Activities.Common;

/// <summary>The validation rules of a logged activity's fields, shared by logging and editing.</summary>
public static class LoggedActivityRules
{
    private static readonly DateTime Earliest = new(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Latest = new(2200, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static IRuleBuilderOptions<T, string?> ActivitySubject<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(ActivityLimits.SubjectMaxLength);

    public static IRuleBuilderOptions<T, string?> ActivityBody<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotNull().Must(b => !string.IsNullOrWhiteSpace(b)).WithMessage("must not be blank")
            .MaximumLength(ActivityLimits.BodyMaxLength);

    public static IRuleBuilderOptions<T, DateTime?> ActivityOccurredAt<T>(this IRuleBuilder<T, DateTime?> rule) =>
        rule.NotNull().Must(d => d is null || (d.Value.ToUniversalTime() >= Earliest && d.Value.ToUniversalTime() < Latest))
            .WithMessage("must be a time between 1900 and 2200");

    public static IRuleBuilderOptions<T, int?> ActivityDuration<T>(this IRuleBuilder<T, int?> rule) =>
        rule.InclusiveBetween(0, ActivityLimits.MaxDurationMinutes);

    public static IRuleBuilderOptions<T, string?> ActivityOutcome<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(ActivityLimits.OutcomeMaxLength);
}
