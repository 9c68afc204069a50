namespace Crm.Application.Email.Queries.GetJobStatistics;

/// <summary>
/// The organization's background work: outgoing emails, webhook deliveries, imports, exports, and notifications (counts
/// <c>queued</c>, not made yet, and <c>email_waiting</c>, made and waiting for their grouped email; never a failure of
/// their own: their emails' show under <see cref="Emails"/>).
/// </summary>
public sealed record JobStatisticsDto(
    JobQueueStatisticsDto Emails,
    JobQueueStatisticsDto WebhookDeliveries,
    JobQueueStatisticsDto Imports,
    JobQueueStatisticsDto Exports,
    JobQueueStatisticsDto Notifications);
