namespace Crm.Application.Analytics.Queries.OwnerPerformance;

/// <summary>A person the owners report has a row for.</summary>
public sealed record OwnerName(Guid Id, string Name);
