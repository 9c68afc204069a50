namespace Crm.Application.Email.Queries.GetJobStatistics;

/// <summary>The organization's background work: outgoing emails, webhook deliveries, imports and exports.</summary>
public sealed record JobStatisticsDto(
    JobQueueStatisticsDto Emails, JobQueueStatisticsDto WebhookDeliveries, JobQueueStatisticsDto Imports, JobQueueStatisticsDto Exports);
