using Crm.Application.Analytics.Reports;
using FluentValidation;

namespace Crm.Application.Analytics.Queries.DealVelocity;

public sealed class DealVelocityValidator : AbstractValidator<DealVelocityQuery>
{
    public DealVelocityValidator() => RuleFor(q => q.Days).InclusiveBetween(ReportBounds.MinDays, ReportBounds.MaxDays);
}
