namespace Crm.Application.Analytics.Reports;

/// <summary>What the owners report reads besides closings: open deals per owner and currency, entries logged and tasks overdue per person.</summary>
public sealed record OwnerRows(
    IReadOnlyList<OpenDealsRow> OpenDeals, IReadOnlyDictionary<Guid, int> ActivitiesLogged, IReadOnlyDictionary<Guid, int> TasksOverdue);
