using AutoMapper;
using Crm.Application.Common.Events;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Security;
using Crm.Application.Deals.Common;
using Crm.Application.Tasks.Common;
using Crm.Application.Webhooks.Common;
using Crm.Domain.Deals;
using Crm.Domain.Deals.Events;
using Crm.Domain.Tasks;
using Crm.Domain.Tasks.Events;
using MediatR;

namespace Crm.Application.Webhooks.EventHandlers;

/// <summary>
/// Turns the domain's events into webhook events, in the transaction of the change: the record is read from the unit
/// of work, so the event shows it as the change leaves it.
/// </summary>
public sealed class PublishChangesToWebhooks(
    IWebhookOutbox outbox, IReadStore store, IMapper mapper, IRequestContext context) :
    INotificationHandler<DomainEventNotification<DealCreated>>,
    INotificationHandler<DomainEventNotification<DealStatusChanged>>,
    INotificationHandler<DomainEventNotification<DealStageChanged>>,
    INotificationHandler<DomainEventNotification<DealUpdated>>,
    INotificationHandler<DomainEventNotification<DealDeleted>>,
    INotificationHandler<DomainEventNotification<TaskCreated>>,
    INotificationHandler<DomainEventNotification<TaskCompleted>>,
    INotificationHandler<DomainEventNotification<TaskUpdated>>,
    INotificationHandler<DomainEventNotification<TaskDeleted>>
{
    public async Task Handle(DomainEventNotification<DealCreated> notification, CancellationToken cancellationToken)
    {
        var e = notification.DomainEvent;
        await PublishDealAsync(e.OrganizationId, "deal.created", e.ActorId, e.DealId, [], cancellationToken);
    }

    public async Task Handle(DomainEventNotification<DealStatusChanged> notification, CancellationToken cancellationToken)
    {
        var e = notification.DomainEvent;
        WebhookChange[] changes = [new("status", e.From, e.To)];
        await PublishDealAsync(e.OrganizationId, "deal.status_changed", e.ActorId, e.DealId, changes, cancellationToken);
        if (e.To is DealStatus.Won or DealStatus.Lost)
        {
            await PublishDealAsync(e.OrganizationId, e.To == DealStatus.Won ? "deal.won" : "deal.lost", e.ActorId, e.DealId, changes, cancellationToken);
        }
    }

    public async Task Handle(DomainEventNotification<DealStageChanged> notification, CancellationToken cancellationToken)
    {
        var e = notification.DomainEvent;
        await PublishDealAsync(e.OrganizationId, "deal.stage_changed", e.ActorId, e.DealId, [new("stage", e.From, e.To)], cancellationToken);
    }

    public async Task Handle(DomainEventNotification<DealUpdated> notification, CancellationToken cancellationToken)
    {
        var e = notification.DomainEvent;
        await PublishDealAsync(
            e.OrganizationId, "deal.updated", e.ActorId, e.DealId,
            e.Changes.Select(c => new WebhookChange(c.Field, c.From, c.To)).ToList(), cancellationToken);
    }

    public async Task Handle(DomainEventNotification<DealDeleted> notification, CancellationToken cancellationToken)
    {
        var e = notification.DomainEvent;

        // The deal's tasks go with it: each is announced as deleted, so a receiver mirroring tasks drops them too.
        var tasks = await store.ToListAsync(store.Query(new TasksOfDealSpecification(e.DealId)), cancellationToken);
        foreach (var task in tasks)
        {
            await outbox.PublishAsync(
                e.OrganizationId, "task.deleted", context.ActorTypeOf(e.ActorId), e.ActorId, task.Id, mapper.Map<TaskDto>(task), [],
                cancellationToken);
        }

        await PublishDealAsync(e.OrganizationId, "deal.deleted", e.ActorId, e.DealId, [], cancellationToken);
    }

    public async Task Handle(DomainEventNotification<TaskCreated> notification, CancellationToken cancellationToken)
    {
        var e = notification.DomainEvent;
        await PublishTaskAsync(e.OrganizationId, "task.created", e.ActorId, e.TaskId, [], cancellationToken);
    }

    public async Task Handle(DomainEventNotification<TaskCompleted> notification, CancellationToken cancellationToken)
    {
        var e = notification.DomainEvent;
        await PublishTaskAsync(e.OrganizationId, "task.completed", e.ActorId, e.TaskId, [new("is_done", false, true)], cancellationToken);
    }

    public async Task Handle(DomainEventNotification<TaskUpdated> notification, CancellationToken cancellationToken)
    {
        var e = notification.DomainEvent;
        await PublishTaskAsync(
            e.OrganizationId, "task.updated", e.ActorId, e.TaskId,
            e.Changes.Select(c => new WebhookChange(c.Field, c.From, c.To)).ToList(), cancellationToken);
    }

    public async Task Handle(DomainEventNotification<TaskDeleted> notification, CancellationToken cancellationToken)
    {
        var e = notification.DomainEvent;
        await PublishTaskAsync(e.OrganizationId, "task.deleted", e.ActorId, e.TaskId, [], cancellationToken);
    }

    private async Task PublishDealAsync(
        Guid organizationId, string type, Guid actorId, Guid dealId, IReadOnlyList<WebhookChange> changes, CancellationToken ct)
    {
        var deal = await outbox.CurrentAsync<Deal>(dealId, ct);
        await outbox.PublishAsync(
            organizationId, type, context.ActorTypeOf(actorId), actorId, dealId, deal is null ? null : mapper.Map<DealDto>(deal), changes, ct);
    }

    private async Task PublishTaskAsync(
        Guid organizationId, string type, Guid actorId, Guid taskId, IReadOnlyList<WebhookChange> changes, CancellationToken ct)
    {
        var task = await outbox.CurrentAsync<DealTask>(taskId, ct);
        await outbox.PublishAsync(
            organizationId, type, context.ActorTypeOf(actorId), actorId, taskId, task is null ? null : mapper.Map<TaskDto>(task), changes, ct);
    }
}
