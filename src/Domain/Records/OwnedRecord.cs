using Crm.Domain.Common;
using Crm.Domain.Deals.Events;
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

    /// <summary>The record's tags as <see cref="RecordTags"/> stores them; never null.</summary>
    public string[] Tags { get; private set; } = [];

    /// <summary>The tags' <see cref="RecordTags.Key"/>s, in the same order: what <c>tag</c> filters compare.</summary>
    public string[] TagKeys { get; private set; } = [];

    public IReadOnlyCollection<IDomainEvent> DomainEvents => _events.AsReadOnly();

    public void ClearDomainEvents() => _events.Clear();

    protected void Raise(IDomainEvent domainEvent) => _events.Add(domainEvent);

    /// <summary>
    /// Replaces the tags (null clears them) and records the change when the stored list differs (a new spelling or
    /// order too), as <c>tags</c> with the lists before and after.
    /// </summary>
    protected void SetTags(IReadOnlyCollection<string>? tags, List<FieldChange>? changes = null)
    {
        BusinessRules.Check(new TagsAreValid(tags));
        var next = RecordTags.Normalize(tags);
        if (next.SequenceEqual(Tags, StringComparer.Ordinal))
        {
            return;
        }

        changes?.Add(new FieldChange("tags", Tags, next));
        Tags = next;
        TagKeys = [.. next.Select(RecordTags.Key)];
    }

    /// <summary>Refuses a change by a member who does not own the record.</summary>
    public void EnsureMayChange(Actor actor) => BusinessRules.Check(new ActorMayChangeRecord(actor, OwnerId));
}
