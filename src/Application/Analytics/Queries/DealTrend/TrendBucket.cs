using Crm.Application.Analytics.Reports;

namespace Crm.Application.Analytics.Queries.DealTrend;

/// <summary>One bucket of the trend: the deals created in it, and those that were won or lost in it.</summary>
public sealed record TrendBucket(DateOnly Start, DealFigures Created, DealFigures Won, DealFigures Lost);
