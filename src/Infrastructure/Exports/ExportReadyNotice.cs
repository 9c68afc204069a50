using System.Globalization;
using Crm.Application.Common.Email;
using Crm.Application.Notifications.Common;
using Crm.Domain.Auditing;
using Crm.Domain.Notifications;
using Crm.Domain.Organizations;
using Crm.Domain.Users;
using Crm.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Exports;

/// <summary>
/// How a requester learns that their export is ready: every message about a finished export is queued here, inside the
/// transaction that marks it succeeded, so that none goes out for an export that did not commit. A person gets an email
/// with the download path and the expiry, and a notification; an API key's export is only followed by polling.
/// </summary>
internal static class ExportReadyNotice
{
    public static async Task QueueAsync(
        CrmDbContext db,
        IEmailOutbox outbox,
        INotificationOutbox notifications,
        ClaimedExport job,
        long rows,
        DateTime expires,
        CancellationToken cancellationToken)
    {
        if (job.RequestedByType != ActorType.User)
        {
            return;
        }

        var recipient = await db.Set<User>().AsNoTracking().Where(u => u.Id == job.RequestedBy)
            .Select(u => new { u.Email, u.Name }).SingleAsync(cancellationToken);
        var organization = await db.Set<Organization>().AsNoTracking().Where(o => o.Id == job.OrganizationId)
            .Select(o => o.Name).SingleAsync(cancellationToken);
        outbox.Queue(EmailTemplate.ExportReady, recipient.Email, new Dictionary<string, object?>
        {
            ["name"] = recipient.Name,
            ["organization"] = organization,
            ["record_type"] = ExportJobStore.Name(job.RecordType),
            ["format"] = ExportJobStore.Name(job.Format),
            ["rows"] = rows.ToString("N0", CultureInfo.InvariantCulture),
            ["download_path"] = $"/api/v1/exports/{job.Id}/download",
            ["expires"] = expires.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
        }, job.OrganizationId);
        notifications.Queue(new NotificationDraft(
            job.RequestedBy, job.OrganizationId, NotificationTypes.ExportFinished, NotificationRecordTypes.Export, job.Id, null,
            $"{ExportJobStore.Name(job.RecordType)} as {ExportJobStore.Name(job.Format)}",
            string.Create(CultureInfo.InvariantCulture, $"{rows:N0} rows")));
        await db.SaveChangesAsync(cancellationToken);
    }
}
