using System.Globalization;
using System.Text.Json;
using Crm.Application.Common.Auditing;
using Crm.Application.CustomFields.Common;
using Crm.Domain.Activities;
using Crm.Domain.Auditing;
using Crm.Domain.Common;
using Crm.Domain.Companies;
using Crm.Domain.Contacts;
using Crm.Domain.Deals;
using Crm.Domain.Invitations;
using Crm.Domain.Organizations;
using Crm.Domain.Records;
using Crm.Domain.Tasks;
using Crm.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Crm.Infrastructure.Auditing;

/// <summary>
/// Writes a command's audit entry with its changes, in the same save (and so the same transaction): the events
/// its handler recorded, or else the field-level changes of the main record it changed. Secrets never appear.
/// </summary>
internal sealed class AuditInterceptor(AuditTrail trail) : SaveChangesInterceptor
{
    /// <summary>Never recorded: secrets, derived columns, and what the entry records in its own columns.</summary>
    private static readonly HashSet<string> Hidden =
    [
        nameof(User.PasswordHash), nameof(User.NormalizedEmail), "TokenHash", nameof(User.EmailVerificationTokenHash), "SearchText", nameof(OwnedRecord.TagKeys), "xmin", nameof(IVersioned.Version),
        nameof(Entity.Id), nameof(ITenantOwned.OrganizationId), "CreatedAt", "UpdatedAt", "ClosedAt", "StageChangedAt",
    ];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && trail.CommandAction is { } action
            && !context.ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added))
        {
            if (trail.Events.Count > 0)
            {
                foreach (var e in trail.Events)
                {
                    context.Add(trail.ToEntry(e.Action, e.EntityType, e.EntityId, e.ActorId, null, e.Changes));
                }
            }
            else if (MainChange(context) is { } main)
            {
                var (type, id, organizationId) = Describe(main.Entity);
                var changes = Changes(main).Concat(OwnedChanges(context, main)).ToList();
                if (changes.Count > 0)
                {
                    // Registering has no caller yet: the new user is the actor. A membership is only ever added by its
                    // member accepting an invitation (by link, maybe without signing in): the member is the actor.
                    var actor = main.Entity is User or Membership && main.State == EntityState.Added ? id : (Guid?)null;
                    context.Add(trail.ToEntry(action, type, id, actor, organizationId, changes));
                }
            }
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    /// <summary>The record a command is about: the first changed one in this order.</summary>
    private static EntityEntry? MainChange(DbContext context) =>
        context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => (Entry: e, Rank: Rank(e)))
            .Where(x => x.Rank >= 0)
            .OrderBy(x => x.Rank)
            .Select(x => x.Entry)
            .FirstOrDefault();

    private static int Rank(EntityEntry entry) => entry.Entity switch
    {
        // A changed account beside a new membership (an invitation accepted by its link) is about the membership.
        User when entry.State != EntityState.Modified => 0,
        Company => 1,
        Contact => 2,
        Deal => 3,
        DealTask => 4,
        Organization when entry.State == EntityState.Added => 5,
        Membership => 6,
        Invitation => 7,
        Organization => 8,
        Activity => 9,
        User => 10,
        _ => -1,
    };

    private static (string Type, Guid Id, Guid? OrganizationId) Describe(object entity) => entity switch
    {
        User u => ("user", u.Id, null),
        Company c => ("company", c.Id, c.OrganizationId),
        Contact c => ("contact", c.Id, c.OrganizationId),
        Deal d => ("deal", d.Id, d.OrganizationId),
        DealTask t => ("task", t.Id, t.OrganizationId),
        Membership m => ("member", m.UserId, m.OrganizationId),
        Invitation i => ("invitation", i.Id, i.OrganizationId),
        Organization o => ("organization", o.Id, o.Id),
        Activity a => ("activity", a.Id, a.OrganizationId),
        _ => throw new ArgumentOutOfRangeException(nameof(entity)),
    };

    /// <summary>The changed values of the row, those of values kept in its columns (an organization's stage probabilities) named after their columns.</summary>
    private static List<AuditChange> Changes(EntityEntry entry) =>
        entry.Properties
            .Where(p => !Hidden.Contains(p.Metadata.Name) && !(p.Metadata.IsKey() && entry.Entity is Membership))
            .Select(p => (Name: Name(p), Property: p))
            .Concat(entry.ComplexProperties.SelectMany(c => c.Properties).Select(p => (Name: p.Metadata.GetColumnName(), Property: p)))
            .SelectMany(p => p.Property.Metadata.Name == nameof(OwnedRecord.CustomFields)
                ? CustomFieldChanges(
                    entry.State == EntityState.Added ? null : p.Property.OriginalValue as string,
                    entry.State == EntityState.Deleted ? null : p.Property.CurrentValue as string)
                : [entry.State switch
                {
                    EntityState.Added => new AuditChange(p.Name, null, Text(p.Property.CurrentValue)),
                    EntityState.Deleted => new AuditChange(p.Name, Text(p.Property.OriginalValue), null),
                    _ => new AuditChange(p.Name, Text(p.Property.OriginalValue), Text(p.Property.CurrentValue)),
                }])
            .Where(c => c.From != c.To)
            .ToList();

    /// <summary>
    /// Custom field values, one change per key (<c>custom_fields.tier</c>), each value as its JSON text (a string
    /// without its quotes), rather than the whole object.
    /// </summary>
    private static IEnumerable<AuditChange> CustomFieldChanges(string? before, string? after)
    {
        var from = CustomFieldJson.Read(before);
        var to = CustomFieldJson.Read(after);
        return from.Keys.Union(to.Keys).Order(StringComparer.Ordinal).Select(key => new AuditChange(
            "custom_fields." + key,
            from.TryGetValue(key, out var f) ? JsonText(f) : null,
            to.TryGetValue(key, out var t) ? JsonText(t) : null));
    }

    private static string JsonText(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    /// <summary>
    /// The changes of values the record owns in its own row (a company's address), named after their columns
    /// (<c>address_city</c>): EF tracks them as entries of their own, a replaced one as one deleted and one added.
    /// </summary>
    private static List<AuditChange> OwnedChanges(DbContext context, EntityEntry main)
    {
        if (main.Entity is not Company)
        {
            return [];
        }

        var before = new Dictionary<string, string?>();
        var after = new Dictionary<string, string?>();
        foreach (var entry in context.ChangeTracker.Entries<CompanyAddress>())
        {
            foreach (var property in entry.Properties.Where(p => !p.Metadata.IsKey()))
            {
                var column = property.Metadata.GetColumnName();
                if (entry.State is EntityState.Deleted or EntityState.Modified)
                {
                    before[column] = Text(property.OriginalValue);
                }

                if (entry.State is EntityState.Added or EntityState.Modified)
                {
                    after[column] = Text(property.CurrentValue);
                }
            }
        }

        return before.Keys.Union(after.Keys)
            .Select(column => new AuditChange(column, before.GetValueOrDefault(column), after.GetValueOrDefault(column)))
            .Where(c => c.From != c.To)
            .ToList();
    }

    private static string Name(PropertyEntry property) => JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Metadata.Name);

    private static string? Text(object? value) => value switch
    {
        null => null,
        Enum e => JsonNamingPolicy.SnakeCaseLower.ConvertName(e.ToString()),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.00", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        // Tags: the list as JSON, so a tag with a comma in it stays one tag.
        string[] list => JsonSerializer.Serialize(list),
        // An activity's mentions: the ids as a JSON list.
        Guid[] ids => JsonSerializer.Serialize(ids),
        _ => value.ToString(),
    };
}
