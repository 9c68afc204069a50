using Crm.Application.Activities.Common;
using FluentValidation;

namespace Crm.Application.Activities.Commands.UpdateActivity;

public sealed class UpdateActivityValidator : AbstractValidator<UpdateActivityCommand>
{
    public UpdateActivityValidator()
    {
        RuleFor(c => c.Subject.Value).ActivitySubject().When(c => c.Subject.IsSet).OverridePropertyName("Subject");
        RuleFor(c => c.Body.Value).ActivityBody().When(c => c.Body.IsSet).OverridePropertyName("Body");
        RuleFor(c => c.OccurredAt.Value).ActivityOccurredAt().When(c => c.OccurredAt.IsSet).OverridePropertyName("OccurredAt");
        RuleFor(c => c.DurationMinutes.Value).ActivityDuration().When(c => c.DurationMinutes.IsSet).OverridePropertyName("DurationMinutes");
        RuleFor(c => c.Outcome.Value).ActivityOutcome().When(c => c.Outcome.IsSet).OverridePropertyName("Outcome");
    }
}
