namespace Crm.Application.Analytics.Queries.DealForecast;

/// <summary>A number of open deals, their amounts and weighted amounts per currency.</summary>
public sealed record ForecastFigures(int Count, IReadOnlyDictionary<string, decimal> Amounts, IReadOnlyDictionary<string, decimal> WeightedAmounts);
