namespace Crm.Application.Analytics.Queries.OwnerPerformance;

public sealed record OwnerPerformanceDto(int Days, IReadOnlyList<OwnerFigures> Owners);
