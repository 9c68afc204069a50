using Crm.Application.Tasks.Common;
using FluentValidation;

namespace Crm.Application.Tasks.Commands.CreateTask;

public sealed class CreateTaskValidator : AbstractValidator<CreateTaskCommand>
{
    public CreateTaskValidator()
    {
        RuleFor(c => c.DealId).NotEmpty();
        RuleFor(c => c.Title).TaskTitle();
        RuleFor(c => c.Description).TaskDescription();
    }
}
