using Crm.Application.Common.Models;
using Crm.Application.Common.Tags;
using Crm.Domain.Records;
using FluentValidation;

namespace Crm.Application.Contacts.Queries.ListContacts;

public sealed class ListContactsValidator : AbstractValidator<ListContactsQuery>
{
    public ListContactsValidator()
    {
        Include(PagingValidator.Instance);
        RuleFor(q => q.ExternalId).FilterValues();
        RuleForEach(q => q.ExternalId).MaximumLength(ExternalIdLimits.MaxLength);
        RuleFor(q => q.Tag).FilterValues();
        RuleForEach(q => q.Tag).TagFilterValue();
        RuleFor(q => q.Search).MaximumLength(200);
        RuleFor(q => q.OrderBy).IsInEnum();
        RuleFor(q => q.Order).IsInEnum();
    }
}
