namespace Crm.Domain.Common;

/// <summary>Something that happened to an entity, which other parts of the system react to.</summary>
public interface IDomainEvent
{
}

/// <summary>An entity that records domain events until they are dispatched (when its changes are saved).</summary>
public interface IHasDomainEvents
{
    IReadOnlyCollection<IDomainEvent> DomainEvents { get; }

    void ClearDomainEvents();
}
