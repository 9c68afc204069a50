namespace Crm.Domain.Common;

/// <summary>Something that happened to an entity, which other parts of the system react to.</summary>
public interface IDomainEvent
{
}
