using Crm.Domain.Deals;

namespace Crm.Application.Analytics.Reports;

/// <summary>Open deals of one expected close month (its first day; null when they have no date), stage and currency.</summary>
public sealed record ForecastRow(DateOnly? Month, DealStage Stage, string Currency, int Count, decimal Amount);
