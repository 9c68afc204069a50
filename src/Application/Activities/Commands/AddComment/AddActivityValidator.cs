using Crm.Domain.Activities;
using FluentValidation;

namespace Crm.Application.Activities.Commands.AddComment;

public sealed class AddActivityValidator : AbstractValidator<AddActivityCommand>
{
    public AddActivityValidator()
    {
        RuleFor(c => c.Type).NotNull().IsInEnum();
        RuleFor(c => c.Payload).NotNull();
        RuleFor(c => c.Payload!.Text).NotEmpty().MaximumLength(Activity.CommentMaxLength)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("must not be blank")
            .When(c => c.Payload is not null && c.Type == ActivityType.Comment)
            .OverridePropertyName("payload.text");
    }
}
