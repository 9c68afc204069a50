using Crm.Application.Common.Models;
using Crm.Application.Common.Tags;
using Crm.Domain.Records;
using FluentValidation;

namespace Crm.Application.Deals.Queries.ListDeals;

public sealed class ListDealsValidator : AbstractValidator<ListDealsQuery>
{
    public ListDealsValidator()
    {
        Include(PagingValidator.Instance);
        RuleFor(q => q.ExternalId).FilterValues();
        RuleForEach(q => q.ExternalId).MaximumLength(ExternalIdLimits.MaxLength);
        RuleFor(q => q.Status).FilterValues();
        RuleFor(q => q.Tag).FilterValues();
        RuleForEach(q => q.Tag).TagFilterValue();
        RuleFor(q => q.MinAmount).GreaterThanOrEqualTo(0);
        RuleFor(q => q.MaxAmount).GreaterThanOrEqualTo(q => q.MinAmount ?? 0)
            .WithMessage("must not be less than min_amount");
    }
}
