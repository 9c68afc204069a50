using System.Text.Json;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Domain.Email;
using Crm.Domain.Exports;
using Crm.Domain.Imports;
using Crm.Domain.Notifications;
using Crm.Domain.Webhooks;
using MediatR;

namespace Crm.Application.Email.Queries.GetJobStatistics;

/// <summary>The state of the organization's queues: emails, webhook deliveries, imports, exports, notifications (owner, admin).</summary>
[Authorize(Roles = "owner,admin")]
[NoValidator("It takes no input.")]
public sealed record GetJobStatisticsQuery : IQuery<JobStatisticsDto>, IOrganizationScoped;

public sealed class GetJobStatisticsQueryHandler(IReadStore store, IRequestContext context)
    : IRequestHandler<GetJobStatisticsQuery, JobStatisticsDto>
{
    public async Task<JobStatisticsDto> Handle(GetJobStatisticsQuery request, CancellationToken cancellationToken)
    {
        var organizationId = context.RequireOrganizationId();

        var emails = store.Query<OutboxMessage>().Where(m => m.OrganizationId == organizationId);
        var emailStatistics = new JobQueueStatisticsDto(
            Counts(await store.ToListAsync(emails.GroupBy(m => m.Status).Select(g => new StateCount<OutboxStatus>(g.Key, g.Count())), cancellationToken)),
            await store.FirstOrDefaultAsync(
                emails.Where(m => m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending).OrderBy(m => m.CreatedAt).Select(m => (DateTime?)m.CreatedAt),
                cancellationToken),
            await store.FirstOrDefaultAsync(
                emails.Where(m => m.Status == OutboxStatus.Failed).OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
                    .Select(m => new JobFailureDto(m.Id, m.CreatedAt, m.LastError)),
                cancellationToken));

        var deliveries = store.Query<WebhookDelivery>().Where(d => d.OrganizationId == organizationId);
        var deliveryStatistics = new JobQueueStatisticsDto(
            Counts(await store.ToListAsync(deliveries.GroupBy(d => d.Status).Select(g => new StateCount<WebhookDeliveryStatus>(g.Key, g.Count())), cancellationToken)),
            await store.FirstOrDefaultAsync(
                deliveries.Where(d => d.Status == WebhookDeliveryStatus.Pending || d.Status == WebhookDeliveryStatus.Sending)
                    .OrderBy(d => d.CreatedAt).Select(d => (DateTime?)d.CreatedAt),
                cancellationToken),
            await store.FirstOrDefaultAsync(
                deliveries.Where(d => d.Status == WebhookDeliveryStatus.Failed).OrderByDescending(d => d.LastAttemptAt).ThenByDescending(d => d.Id)
                    .Select(d => new JobFailureDto(d.Id, d.LastAttemptAt, d.LastError)),
                cancellationToken));

        var imports = store.Query<ImportJob>().Where(j => j.OrganizationId == organizationId);
        var importStatistics = new JobQueueStatisticsDto(
            Counts(await store.ToListAsync(imports.GroupBy(j => j.Status).Select(g => new StateCount<ImportStatus>(g.Key, g.Count())), cancellationToken)),
            await store.FirstOrDefaultAsync(
                imports.Where(j => j.Status == ImportStatus.Queued || j.Status == ImportStatus.Running).OrderBy(j => j.CreatedAt).Select(j => (DateTime?)j.CreatedAt),
                cancellationToken),
            await store.FirstOrDefaultAsync(
                imports.Where(j => j.Status == ImportStatus.Failed).OrderByDescending(j => j.FinishedAt).ThenByDescending(j => j.Id)
                    .Select(j => new JobFailureDto(j.Id, j.FinishedAt, j.ErrorCode)),
                cancellationToken));

        var exports = store.Query<ExportJob>().Where(j => j.OrganizationId == organizationId);
        var exportStatistics = new JobQueueStatisticsDto(
            Counts(await store.ToListAsync(exports.GroupBy(j => j.Status).Select(g => new StateCount<ExportStatus>(g.Key, g.Count())), cancellationToken)),
            await store.FirstOrDefaultAsync(
                exports.Where(j => j.Status == ExportStatus.Queued || j.Status == ExportStatus.Running).OrderBy(j => j.CreatedAt).Select(j => (DateTime?)j.CreatedAt),
                cancellationToken),
            await store.FirstOrDefaultAsync(
                exports.Where(j => j.Status == ExportStatus.Failed).OrderByDescending(j => j.FinishedAt).ThenByDescending(j => j.Id)
                    .Select(j => new JobFailureDto(j.Id, j.FinishedAt, j.ErrorCode)),
                cancellationToken));

        // Notifications: queued to be made (for each member they concern), then made and waiting for their email (grouped
        // within Notifications:GroupingWindow); their emails' failures show under emails.
        var queuedNotifications = store.Query<PendingNotification>().Where(n => n.OrganizationId == organizationId);
        var waitingEmails = store.Query<Notification>().Where(n => n.OrganizationId == organizationId && n.EmailDueAt != null && n.EmailedAt == null);
        var oldestQueued = await store.FirstOrDefaultAsync(queuedNotifications.OrderBy(n => n.CreatedAt).Select(n => (DateTime?)n.CreatedAt), cancellationToken);
        var oldestWaiting = await store.FirstOrDefaultAsync(waitingEmails.OrderBy(n => n.CreatedAt).Select(n => (DateTime?)n.CreatedAt), cancellationToken);
        var notificationStatistics = new JobQueueStatisticsDto(
            new Dictionary<string, int>
            {
                ["queued"] = await store.CountAsync(queuedNotifications, cancellationToken),
                ["email_waiting"] = await store.CountAsync(waitingEmails, cancellationToken),
            },
            oldestQueued is null || (oldestWaiting is not null && oldestWaiting < oldestQueued) ? oldestWaiting : oldestQueued,
            null);

        return new JobStatisticsDto(emailStatistics, deliveryStatistics, importStatistics, exportStatistics, notificationStatistics);
    }

    /// <summary>Every state of the queue by its wire name, with zero for the states nothing is in.</summary>
    private static Dictionary<string, int> Counts<TStatus>(List<StateCount<TStatus>> counted)
        where TStatus : struct, Enum =>
        Enum.GetValues<TStatus>().ToDictionary(
            s => JsonNamingPolicy.SnakeCaseLower.ConvertName(s.ToString()),
            s => counted.Where(c => c.Status.Equals(s)).Sum(c => c.Count));
}
