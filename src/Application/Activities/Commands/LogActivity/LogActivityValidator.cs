using Crm.Application.Activities.Common;
using Crm.Domain.Activities;
using FluentValidation;

namespace Crm.Application.Activities.Commands.LogActivity;

public sealed class LogActivityValidator : AbstractValidator<LogActivityCommand>
{
    public LogActivityValidator()
    {
        RuleFor(c => c.Type).NotNull().IsInEnum()
            .Must(t => t is null || ActivityLimits.IsLogged(t.Value)).WithMessage("must be note, call, meeting or email");
        RuleFor(c => c.Subject).ActivitySubject();
        RuleFor(c => c.Body).ActivityBody();
        RuleFor(c => c.OccurredAt).ActivityOccurredAt();
        RuleFor(c => c.DurationMinutes).ActivityDuration();
        RuleFor(c => c.Outcome).ActivityOutcome();
        RuleFor(c => c.ContactId).NotNull().When(c => c.CompanyId is null && c.DealId is null)
            .WithMessage("name contact_id, company_id or deal_id");
        RuleFor(c => c.CompanyId).NotNull().When(c => c.ContactId is null && c.DealId is null)
            .WithMessage("name contact_id, company_id or deal_id");
        RuleFor(c => c.DealId).NotNull().When(c => c.ContactId is null && c.CompanyId is null)
            .WithMessage("name contact_id, company_id or deal_id");
        RuleFor(c => c.ContactId).NotEqual(Guid.Empty).When(c => c.ContactId is not null);
        RuleFor(c => c.CompanyId).NotEqual(Guid.Empty).When(c => c.CompanyId is not null);
        RuleFor(c => c.DealId).NotEqual(Guid.Empty).When(c => c.DealId is not null);
    }
}
