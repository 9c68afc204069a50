using Crm.Domain.Organizations;

namespace Crm.Application.Analytics.Queries.DealForecast;

/// <param name="From">The first day of the first month forecast: this month in the organization's time zone.</param>
/// <param name="StageProbabilities">The weights used, in percent.</param>
/// <param name="Overdue">Open deals whose expected close date is before this month.</param>
/// <param name="Undated">Open deals with no expected close date.</param>
public sealed record DealForecastDto(
    int Months,
    DateOnly From,
    StageProbabilities StageProbabilities,
    IReadOnlyList<ForecastMonth> Buckets,
    ForecastFigures Overdue,
    ForecastFigures Undated);
