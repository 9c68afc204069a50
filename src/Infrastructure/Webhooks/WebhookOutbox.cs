using System.Text.Json;
using Crm.Application.Webhooks.Common;
using Crm.Domain.Auditing;
using Crm.Domain.Common;
using Crm.Domain.Webhooks;
using Crm.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Webhooks;

/// <summary>Writes one delivery per subscribed webhook into the current unit of work.</summary>
internal sealed class WebhookOutbox(CrmDbContext db, TimeProvider time) : IWebhookOutbox
{
    public async Task PublishAsync(
        Guid organizationId, string type, ActorType actorType, Guid? actorId, Guid? recordId, object? record,
        IReadOnlyList<WebhookChange> changes, CancellationToken cancellationToken)
    {
        // Named explicitly rather than by the request's tenant: a change may belong to an organization the request is not
        // scoped to (accepting an invitation joins one).
        var webhooks = await db.Set<Webhook>().AsNoTracking().IgnoreQueryFilters()
            .Where(w => w.OrganizationId == organizationId && w.Active)
            .ToListAsync(cancellationToken);
        var subscribed = webhooks.Where(w => w.Wants(type)).ToList();
        if (subscribed.Count == 0)
        {
            return;
        }

        var now = time.UtcNow();
        var eventId = Guid.CreateVersion7();
        var payload = Payload(eventId, type, now, organizationId, actorType, actorId, record, changes);
        foreach (var webhook in subscribed)
        {
            db.Add(WebhookDelivery.Schedule(webhook, eventId, type, recordId, payload, now));
        }
    }

    public WebhookDelivery Ping(Webhook webhook, ActorType actorType, Guid actorId)
    {
        var now = time.UtcNow();
        var eventId = Guid.CreateVersion7();
        var payload = Payload(
            eventId, WebhookEventTypes.Ping, now, webhook.OrganizationId, actorType, actorId, new { webhook.Id, webhook.Url }, []);
        var delivery = WebhookDelivery.Schedule(webhook, eventId, WebhookEventTypes.Ping, null, payload, now);
        db.Add(delivery);
        return delivery;
    }

    public async Task<T?> CurrentAsync<T>(Guid id, CancellationToken cancellationToken)
        where T : Entity =>
        await db.Set<T>().FindAsync([id], cancellationToken);

    /// <summary>The body every webhook receives for one event.</summary>
    public static string Payload(
        Guid eventId, string type, DateTime createdAt, Guid organizationId, ActorType? actorType, Guid? actorId, object? record,
        IReadOnlyList<WebhookChange> changes) =>
        JsonSerializer.Serialize(
            new
            {
                Id = eventId,
                Type = type,
                CreatedAt = createdAt,
                OrganizationId = organizationId,
                Actor = actorType is null ? null : new { Type = actorType, Id = actorId },
                Data = new { Object = record, Changes = changes },
            },
            WebhookJson.Options);
}
