using Crm.Domain.Deals;

namespace Crm.Application.Analytics.Queries.DealVelocity;

/// <summary>Moves out of one open stage in the window, and the mean days deals had spent in it (null when none moved out).</summary>
public sealed record StageVelocity(DealStage Stage, int Exits, decimal? AverageDays);
