using FluentValidation;

namespace Crm.Application.CustomFields.Queries.ListCustomFields;

public sealed class ListCustomFieldsValidator : AbstractValidator<ListCustomFieldsQuery>
{
    public ListCustomFieldsValidator() => RuleFor(q => q.RecordType).IsInEnum();
}
