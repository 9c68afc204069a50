using System.Text.Json;
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

    /// <summary>
    /// The record's custom field values, a JSON object by key as <c>CustomFieldValues</c> writes them; the
    /// application checks them against the organization's definitions before they reach the record.
    /// </summary>
    public string CustomFields { get; private set; } = "{}";

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

    /// <summary>
    /// Sets the custom field values given (null clears one), leaving the others, or with <paramref name="replace"/>
    /// clearing the others; each changed value is recorded as <c>custom_fields.&lt;key&gt;</c>.
    /// </summary>
    protected void SetCustomFields(IReadOnlyDictionary<string, object?>? values, bool replace = false, List<FieldChange>? changes = null)
    {
        if (values is null && !replace)
        {
            return;
        }

        using var current = JsonDocument.Parse(CustomFields);
        var before = current.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
        var after = replace ? [] : new Dictionary<string, JsonElement>(before, StringComparer.Ordinal);
        foreach (var (key, value) in values ?? new Dictionary<string, object?>())
        {
            if (value is null)
            {
                after.Remove(key);
            }
            else
            {
                after[key] = JsonSerializer.SerializeToElement(value);
            }
        }

        var changed = false;
        foreach (var key in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var from = before.TryGetValue(key, out var f) ? f : (JsonElement?)null;
            var to = after.TryGetValue(key, out var t) ? t : (JsonElement?)null;
            if (from?.GetRawText() != to?.GetRawText() && !(from is { } a && to is { } b && JsonElement.DeepEquals(a, b)))
            {
                changed = true;
                // The values as JSON: webhooks send them typed, the timeline and audit as their JSON text.
                changes?.Add(new FieldChange("custom_fields." + key, from, to));
            }
        }

        if (changed)
        {
            CustomFields = JsonSerializer.Serialize(after);
        }
    }

    /// <summary>Refuses a change by a member who does not own the record.</summary>
    public void EnsureMayChange(Actor actor) => BusinessRules.Check(new ActorMayChangeRecord(actor, OwnerId));
}
