using Crm.Application.Tasks.Common;
using FluentValidation;

namespace Crm.Application.Tasks.Commands.CreateTask;

public sealed class CreateTaskValidator : AbstractValidator<CreateTaskCommand>
{
    public CreateTaskValidator()
    {
        RuleFor(c => c.DealId).NotNull().When(c => c.ContactId is null).WithMessage("name deal_id or contact_id");
        RuleFor(c => c.ContactId).NotNull().When(c => c.DealId is null).WithMessage("name deal_id or contact_id");
        RuleFor(c => c.ContactId).Null().When(c => c.DealId is not null).WithMessage("a task is on a deal or a contact, not both");
        RuleFor(c => c.DealId).NotEqual(Guid.Empty).When(c => c.DealId is not null);
        RuleFor(c => c.ContactId).NotEqual(Guid.Empty).When(c => c.ContactId is not null && c.DealId is null);
        RuleFor(c => c.AssigneeId).NotEqual(Guid.Empty).When(c => c.AssigneeId is not null);
        RuleFor(c => c.Title).TaskTitle();
        RuleFor(c => c.Description).TaskDescription();
    }
}
