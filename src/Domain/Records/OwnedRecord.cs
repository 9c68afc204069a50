using Crm.Domain.Common;
using Crm.Domain.Organizations;
using Crm.Domain.Records.Rules;

namespace Crm.Domain.Records;

/// <summary>
/// A CRM record that a user owns within an organization. Members change only what they own; managers and above
/// change everything. Raises domain events for the timeline and other reactions.
/// </summary>
public abstract class OwnedRecord : Entity, ITenantOwned, IHasDomainEvents, IVersioned
{
    private readonly List<IDomainEvent> _events = [];

    public Guid OrganizationId { get; protected set; }

    public Guid OwnerId { get; protected set; }

    public DateTime CreatedAt { get; protected set; }

    public DateTime UpdatedAt { get; protected set; }

    /// <summary>Set by the store on every write, never by the record itself.</summary>
    public uint Version { get; private set; }

    public IReadOnlyCollection<IDomainEvent> DomainEvents => _events.AsReadOnly();

    public void ClearDomainEvents() => _events.Clear();

    protected void Raise(IDomainEvent domainEvent) => _events.Add(domainEvent);

    /// <summary>Refuses a change by a member who does not own the record.</summary>
    public void EnsureMayChange(Actor actor) => BusinessRules.Check(new ActorMayChangeRecord(actor, OwnerId));
}
