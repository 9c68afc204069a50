namespace Crm.Application.Email.Queries.GetJobStatistics;

/// <summary>How many items of a queue are in one state.</summary>
public sealed record StateCount<TStatus>(TStatus Status, int Count)
    where TStatus : struct, Enum;
