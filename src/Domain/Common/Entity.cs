namespace Crm.Domain.Common;

/// <summary>Base for entities identified by a time-ordered (version 7) UUID.</summary>
public abstract class Entity
{
    public Guid Id { get; protected set; }

    protected static Guid NewId() => Guid.CreateVersion7();
}
