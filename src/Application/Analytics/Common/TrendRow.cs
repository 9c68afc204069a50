using Crm.Domain.Deals;

namespace Crm.Application.Analytics.Reports;

/// <summary>
/// Deals of one bucket and currency: created ones (<paramref name="Closed"/> null) or those that closed with
/// <paramref name="Closed"/> (won or lost).
/// </summary>
public sealed record TrendRow(DateOnly Bucket, DealStatus? Closed, string Currency, int Count, decimal Amount);
