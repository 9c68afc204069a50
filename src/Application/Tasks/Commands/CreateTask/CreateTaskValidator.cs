using Crm.Application.Tasks.Common;
using FluentValidation;

namespace Crm.Application.Tasks.Commands.CreateTask;

public sealed class CreateTaskValidator : AbstractValidator<CreateTaskCommand>
{
    public CreateTaskValidator()
    {
        RuleFor(c => c.DealId).NotNull().When(c => c.ContactId is null && c.CompanyId is null).WithMessage("name deal_id, contact_id or company_id");
        RuleFor(c => c.ContactId).NotNull().When(c => c.DealId is null && c.CompanyId is null).WithMessage("name deal_id, contact_id or company_id");
        RuleFor(c => c.ContactId).Null().When(c => c.DealId is not null).WithMessage("a task is on one record: a deal, a contact or a company");
        RuleFor(c => c.CompanyId).Null().When(c => c.DealId is not null || c.ContactId is not null)
            .WithMessage("a task is on one record: a deal, a contact or a company");
        RuleFor(c => c.DealId).NotEqual(Guid.Empty).When(c => c.DealId is not null);
        RuleFor(c => c.ContactId).NotEqual(Guid.Empty).When(c => c.ContactId is not null && c.DealId is null);
        RuleFor(c => c.CompanyId).NotEqual(Guid.Empty).When(c => c.CompanyId is not null && c.DealId is null && c.ContactId is null);
        RuleFor(c => c.AssigneeId).NotEqual(Guid.Empty).When(c => c.AssigneeId is not null);
        RuleFor(c => c.Title).TaskTitle();
        RuleFor(c => c.Description).TaskDescription();
    }
}
