namespace Crm.Application.Email.Queries.GetJobStatistics;

/// <summary>
/// The latest item of a queue that failed: its id, when (an email: when it was queued; a webhook delivery: its last
/// attempt; an import or export: when it finished) and its error (an email's or delivery's last error; an import's or
/// export's error code).
/// </summary>
public sealed record JobFailureDto(Guid Id, DateTime? At, string? Error);
