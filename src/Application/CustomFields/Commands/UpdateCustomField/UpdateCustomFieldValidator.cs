using FluentValidation;

namespace Crm.Application.CustomFields.Commands.UpdateCustomField;

public sealed class UpdateCustomFieldValidator : AbstractValidator<UpdateCustomFieldCommand>
{
    public UpdateCustomFieldValidator()
    {
        RuleFor(c => c.Type.Value).IsInEnum().When(c => c.Type.IsSet).OverridePropertyName("Type");
        RuleFor(c => c.Label.Value).NotEmpty().MaximumLength(Domain.CustomFields.CustomFieldShape.LabelMaxLength)
            .When(c => c.Label.IsSet).OverridePropertyName("Label");
        RuleFor(c => c.Position.Value).GreaterThanOrEqualTo(0).When(c => c.Position.IsSet).OverridePropertyName("Position");
    }
}
