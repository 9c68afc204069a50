using Crm.Application.CustomFields.Common;
using FluentValidation;

namespace Crm.Application.CustomFields.Commands.CreateCustomField;

public sealed class CreateCustomFieldValidator : AbstractValidator<CreateCustomFieldCommand>
{
    public CreateCustomFieldValidator()
    {
        RuleFor(c => c.RecordType).IsInEnum();
        RuleFor(c => c.Key).CustomFieldKey();
        RuleFor(c => c.Type).IsInEnum();
        RuleFor(c => c).CustomFieldShape(c => new(c.Label ?? string.Empty, c.Type, c.Options ?? [], c.Currency, false, c.Position ?? 0));
    }
}
