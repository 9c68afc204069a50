using Crm.Application.Analytics.Reports;

namespace Crm.Application.Analytics.Queries.OwnerPerformance;

/// <param name="Open">Open deals they own now (new or in progress), whenever created.</param>
/// <param name="Won">Deals they own that were won in the window.</param>
/// <param name="Lost">Deals they own that were lost in the window.</param>
/// <param name="WinRate">100 × won ÷ (won + lost), to 2 decimals; null when none of theirs closed in the window.</param>
/// <param name="ActivitiesLogged">Timeline entries they wrote in the window (comments, calls, meetings, notes), not the changes the service records.</param>
/// <param name="TasksOverdue">Their open tasks due before today in the organization's time zone.</param>
public sealed record OwnerFigures(
    Guid UserId,
    string Name,
    DealFigures Open,
    DealFigures Won,
    DealFigures Lost,
    decimal? WinRate,
    int ActivitiesLogged,
    int TasksOverdue);
