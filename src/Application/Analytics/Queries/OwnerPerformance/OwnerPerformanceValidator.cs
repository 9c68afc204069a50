using Crm.Application.Analytics.Reports;
using FluentValidation;

namespace Crm.Application.Analytics.Queries.OwnerPerformance;

public sealed class OwnerPerformanceValidator : AbstractValidator<OwnerPerformanceQuery>
{
    public OwnerPerformanceValidator() => RuleFor(q => q.Days).InclusiveBetween(ReportBounds.MinDays, ReportBounds.MaxDays);
}
