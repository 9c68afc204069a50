using Crm.Application.Analytics.Reports;
using FluentValidation;

namespace Crm.Application.Analytics.Queries.DealForecast;

public sealed class DealForecastValidator : AbstractValidator<DealForecastQuery>
{
    public DealForecastValidator() => RuleFor(q => q.Months).InclusiveBetween(ReportBounds.MinMonths, ReportBounds.MaxMonths);
}
