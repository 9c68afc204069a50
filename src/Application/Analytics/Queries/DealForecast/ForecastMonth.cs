namespace Crm.Application.Analytics.Queries.DealForecast;

/// <summary>
/// Open deals expected to close in one month (<paramref name="Month"/> is its first day): how many, their amounts,
/// and their amounts weighted by their stage's probability, per currency.
/// </summary>
public sealed record ForecastMonth(
    DateOnly Month, int Count, IReadOnlyDictionary<string, decimal> Amounts, IReadOnlyDictionary<string, decimal> WeightedAmounts);
