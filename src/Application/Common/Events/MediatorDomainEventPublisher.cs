using Crm.Domain.Common;
using MediatR;

namespace Crm.Application.Common.Events;

internal sealed class MediatorDomainEventPublisher(IMediator mediator) : IDomainEventPublisher
{
    public Task PublishAsync(IDomainEvent domainEvent, CancellationToken cancellationToken)
    {
        var notification = (INotification)Activator.CreateInstance(
            typeof(DomainEventNotification<>).MakeGenericType(domainEvent.GetType()), domainEvent)!;
        return mediator.Publish(notification, cancellationToken);
    }
}
