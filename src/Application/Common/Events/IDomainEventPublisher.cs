using Crm.Domain.Common;

namespace Crm.Application.Common.Events;

/// <summary>Publishes domain events to their handlers, in the transaction of the change that raised them.</summary>
public interface IDomainEventPublisher
{
    Task PublishAsync(IDomainEvent domainEvent, CancellationToken cancellationToken);
}
