using Crm.Application.Analytics.Reports;

namespace Crm.Application.Analytics.Queries.DealVelocity;

/// <param name="WinRate">100 × won ÷ (won + lost), to 2 decimals; null when no deal was won or lost in the window.</param>
/// <param name="AverageDaysToWin">Mean days from creation to won of the deals won in the window; null when none was.</param>
/// <param name="AverageWonAmounts">Mean amount of the deals won in the window, per currency.</param>
public sealed record DealVelocityDto(
    int Days,
    DealFigures Won,
    DealFigures Lost,
    decimal? WinRate,
    decimal? AverageDaysToWin,
    IReadOnlyDictionary<string, decimal> AverageWonAmounts,
    IReadOnlyList<StageVelocity> Stages);
