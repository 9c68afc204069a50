using Crm.Application.Common.Models;
using Crm.Domain.Contacts;
using FluentValidation;

namespace Crm.Application.Suppressions.Queries.ListSuppressions;

public sealed class ListSuppressionsValidator : AbstractValidator<ListSuppressionsQuery>
{
    public ListSuppressionsValidator()
    {
        Include(PagingValidator.Instance);
        RuleFor(q => q.Email).NotEmpty().MaximumLength(Contact.EmailMaxLength).When(q => q.Email is not null);
    }
}
