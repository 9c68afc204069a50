using FluentValidation;

namespace Crm.Application.Analytics.Queries.DealSummary;

public sealed class DealSummaryValidator : AbstractValidator<DealSummaryQuery>
{
    public DealSummaryValidator() => RuleFor(q => q.Days).InclusiveBetween(1, 365);
}
