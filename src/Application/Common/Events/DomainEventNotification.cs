using Crm.Domain.Common;
using MediatR;

namespace Crm.Application.Common.Events;

/// <summary>Carries a domain event through the mediator, so that the Domain needs no mediator of its own.</summary>
public sealed record DomainEventNotification<TEvent>(TEvent DomainEvent) : INotification
    where TEvent : IDomainEvent;

internal sealed class MediatorDomainEventPublisher(IMediator mediator) : IDomainEventPublisher
{
    public Task PublishAsync(IDomainEvent domainEvent, CancellationToken cancellationToken)
    {
        var notification = (INotification)Activator.CreateInstance(
            typeof(DomainEventNotification<>).MakeGenericType(domainEvent.GetType()), domainEvent)!;
        return mediator.Publish(notification, cancellationToken);
    }
}
