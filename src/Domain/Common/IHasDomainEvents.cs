namespace Crm.Domain.Common;

/// <summary>An entity that records domain events until they are dispatched (when its changes are saved).</summary>
public interface IHasDomainEvents
{
    IReadOnlyCollection<IDomainEvent> DomainEvents { get; }

    void ClearDomainEvents();
}
