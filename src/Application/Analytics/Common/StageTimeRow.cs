using Crm.Domain.Deals;

namespace Crm.Application.Analytics.Reports;

/// <summary>Moves out of one stage, and the days the deals had spent in it, summed.</summary>
public sealed record StageTimeRow(DealStage Stage, int Exits, double Days);
