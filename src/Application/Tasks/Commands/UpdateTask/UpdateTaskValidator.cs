using Crm.Application.Tasks.Common;
using FluentValidation;

namespace Crm.Application.Tasks.Commands.UpdateTask;

public sealed class UpdateTaskValidator : AbstractValidator<UpdateTaskCommand>
{
    public UpdateTaskValidator()
    {
        RuleFor(c => c.Title.Value).TaskTitle().When(c => c.Title.IsSet).OverridePropertyName("Title");
        RuleFor(c => c.Description.Value).TaskDescription().When(c => c.Description.IsSet).OverridePropertyName("Description");
        RuleFor(c => c.AssigneeId.Value).NotEqual(Guid.Empty).When(c => c.AssigneeId is { IsSet: true, Value: not null })
            .OverridePropertyName("AssigneeId");
    }
}
