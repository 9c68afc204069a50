namespace Crm.Application.Analytics.Reports;

/// <summary>One owner's open deals in one currency.</summary>
public sealed record OpenDealsRow(Guid OwnerId, string Currency, int Count, decimal Amount);
