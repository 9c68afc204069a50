using System.Text.Json;
using Crm.Application.Common.Transactions;
using Crm.Application.Webhooks.Common;
using Crm.Domain.Auditing;
using Crm.Domain.Common;
using Crm.Domain.Webhooks;
using Crm.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Webhooks;

/// <summary>Writes one delivery per subscribed webhook into the current unit of work.</summary>
internal sealed class WebhookOutbox(CrmDbContext db, TimeProvider time, ITransactionOutcome outcome, WebhookDispatchSignal signal)
    : IWebhookOutbox
{
    // Read once per unit of work: a batch of changes raises many events for the same organization.
    private readonly Dictionary<Guid, List<Webhook>> _active = [];

    private Guid _lastId;

    public async Task PublishAsync(
        Guid organizationId, string type, ActorType actorType, Guid? actorId, Guid? recordId, object? record,
        IReadOnlyList<WebhookChange> changes, CancellationToken cancellationToken)
    {
        var webhooks = await ActiveWebhooksAsync(organizationId, cancellationToken);
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
            db.Add(WebhookDelivery.Schedule(webhook, eventId, type, recordId, payload, now, NextId()));
        }

        WakeDispatcherAfterCommit();
    }

    public WebhookDelivery Ping(Webhook webhook, ActorType actorType, Guid actorId)
    {
        var now = time.UtcNow();
        var eventId = Guid.CreateVersion7();
        var payload = Payload(
            eventId, WebhookEventTypes.Ping, now, webhook.OrganizationId, actorType, actorId, new { webhook.Id, webhook.Url }, []);
        var delivery = WebhookDelivery.Schedule(webhook, eventId, WebhookEventTypes.Ping, null, payload, now);
        db.Add(delivery);
        WakeDispatcherAfterCommit();
        return delivery;
    }

    private void WakeDispatcherAfterCommit() => outcome.AfterCommit(_ =>
    {
        signal.Wake();
        return Task.CompletedTask;
    });

    public async Task<T?> CurrentAsync<T>(Guid id, CancellationToken cancellationToken)
        where T : Entity =>
        await db.Set<T>().FindAsync([id], cancellationToken);

    /// <summary>
    /// Ids that grow in the order events are published. EF Core inserts the rows of one save in the order of their keys
    /// (a fixed order, against deadlocks), and the identity column <c>sequence</c> that orders a record's deliveries is
    /// assigned as they are inserted: two events of one change (a status change, then the win) must not swap. Version 7
    /// ids made in the same millisecond are ordered by their random bits, so a later one is bumped past the last.
    /// </summary>
    private Guid NextId()
    {
        var id = Guid.CreateVersion7(time.GetUtcNow());
        if (id.CompareTo(_lastId) <= 0)
        {
            var bytes = _lastId.ToByteArray(bigEndian: true);
            for (var i = bytes.Length - 1; i > 8 && ++bytes[i] == 0; i--)
            {
            }

            id = new Guid(bytes, bigEndian: true);
        }

        _lastId = id;
        return id;
    }

    private async Task<List<Webhook>> ActiveWebhooksAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        if (!_active.TryGetValue(organizationId, out var webhooks))
        {
            // Named by the event's organization rather than the request's tenant: a change may belong to an organization
            // the request is not scoped to (accepting an invitation joins one).
            webhooks = await db.Set<Webhook>().AsNoTracking().IgnoreQueryFilters()
                .Where(w => w.OrganizationId == organizationId && w.Active)
                .ToListAsync(cancellationToken);
            _active[organizationId] = webhooks;
        }

        return webhooks;
    }

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
