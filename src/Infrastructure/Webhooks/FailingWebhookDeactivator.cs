using System.Globalization;
using Crm.Application.Common.Email;
using Crm.Application.Notifications.Common;
using Crm.Domain.Notifications;
using Crm.Domain.Organizations;
using Crm.Domain.Users;
using Crm.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Crm.Infrastructure.Webhooks;

/// <summary>
/// Turns off a webhook whose deliveries have failed for the whole retry period, fails what was still on its way to it,
/// and emails the organization's owners and admins, all in one transaction: the emails go through the email outbox,
/// and only the instance whose update turned the webhook off writes them, so each is sent once.
/// </summary>
internal sealed class FailingWebhookDeactivator(IServiceScopeFactory scopes, ILogger<FailingWebhookDeactivator> logger)
{
    public const string Reason = "Its deliveries failed for the whole retry period.";

    private const string DeactivateSql =
        """
        WITH off AS (
          UPDATE webhooks SET active = false, deactivated_at = now(), deactivation_reason = $2, updated_at = now()
           WHERE id = $1 AND active AND failing_since <= now() - $3
          RETURNING id, organization_id, url, failing_since),
        failed AS (
          UPDATE webhook_deliveries SET status = 'failed', last_error = $2, locked_until = NULL
           WHERE webhook_id IN (SELECT id FROM off) AND status = 'pending')
        SELECT organization_id, url, failing_since FROM off
        """;

    /// <summary>Answers whether this call turned the webhook off (false: it was off already, or succeeded since).</summary>
    public async Task<bool> DeactivateAsync(Guid webhookId, TimeSpan failingFor, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IEmailOutbox>();
        var notifications = scope.ServiceProvider.GetRequiredService<INotificationOutbox>();
        var strategy = db.Database.CreateExecutionStrategy();
        var deactivated = await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var webhook = await TurnOffAsync(db, transaction, webhookId, failingFor, ct);
            if (webhook is null)
            {
                return false;
            }

            var organization = await db.Set<Organization>().AsNoTracking()
                .Where(o => o.Id == webhook.OrganizationId).Select(o => o.Name).SingleAsync(ct);
            var recipients = await (
                    from m in db.Set<Membership>().AsNoTracking()
                    join u in db.Set<User>().AsNoTracking() on m.UserId equals u.Id
                    where m.OrganizationId == webhook.OrganizationId && (m.Role == MemberRole.Owner || m.Role == MemberRole.Admin)
                    orderby u.Id
                    select new { u.Id, u.Email, u.Name })
                .ToListAsync(ct);
            foreach (var recipient in recipients)
            {
                outbox.Queue(EmailTemplate.WebhookDeactivated, recipient.Email, new Dictionary<string, object?>
                {
                    ["name"] = recipient.Name,
                    ["organization"] = organization,
                    ["url"] = webhook.Url,
                    ["webhook_id"] = webhookId,
                    ["since"] = webhook.FailingSince.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
                    ["reason"] = Reason,
                }, webhook.OrganizationId);
                notifications.Queue(new NotificationDraft(
                    recipient.Id, webhook.OrganizationId, NotificationTypes.WebhookDeactivated, NotificationRecordTypes.Webhook, webhookId,
                    null, webhook.Url, Reason));
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);
        if (deactivated)
        {
            logger.LogWarning("Webhook {WebhookId} was turned off: its deliveries failed for {FailingFor}", webhookId, failingFor);
        }

        return deactivated;
    }

    private static async Task<DeactivatedWebhook?> TurnOffAsync(
        CrmDbContext db, IDbContextTransaction transaction, Guid webhookId, TimeSpan failingFor, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            DeactivateSql, (NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)transaction.GetDbTransaction());
        command.Parameters.Add(new NpgsqlParameter { Value = webhookId });
        command.Parameters.Add(new NpgsqlParameter { Value = Reason });
        command.Parameters.Add(new NpgsqlParameter { Value = failingFor });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new DeactivatedWebhook(reader.GetGuid(0), reader.GetString(1), reader.GetDateTime(2))
            : null;
    }

    /// <summary>What the deactivation's update answers.</summary>
    private sealed record DeactivatedWebhook(Guid OrganizationId, string Url, DateTime FailingSince);
}
