using Crm.Domain.Common;
using MediatR;

namespace Crm.Application.Common.Events;

/// <summary>Carries a domain event through the mediator, so that the Domain needs no mediator of its own.</summary>
public sealed record DomainEventNotification<TEvent>(TEvent DomainEvent) : INotification
    where TEvent : IDomainEvent;

/// <summary>Publishes domain events to their handlers, in the transaction of the change that raised them.</summary>
public interface IDomainEventPublisher
{
    Task PublishAsync(IDomainEvent domainEvent, CancellationToken cancellationToken);
}

internal sealed class MediatorDomainEventPublisher(IMediator mediator) : IDomainEventPublisher
{
    public Task PublishAsync(IDomainEvent domainEvent, CancellationToken cancellationToken)
    {
        var notification = (INotification)Activator.CreateInstance(
            typeof(DomainEventNotification<>).MakeGenericType(domainEvent.GetType()), domainEvent)!;
        return mediator.Publish(notification, cancellationToken);
    }
}
