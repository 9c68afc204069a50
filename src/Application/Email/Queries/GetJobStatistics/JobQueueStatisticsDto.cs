namespace Crm.Application.Email.Queries.GetJobStatistics;

/// <summary>
/// One queue of the organization: how many items are in each state (every state is listed, zero included), when the
/// oldest item still waiting or in progress was queued, and the latest failure.
/// </summary>
public sealed record JobQueueStatisticsDto(IReadOnlyDictionary<string, int> Counts, DateTime? OldestPendingAt, JobFailureDto? LastFailure);
