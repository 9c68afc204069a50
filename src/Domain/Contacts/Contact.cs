using Crm.Domain.Common;
using Crm.Domain.Contacts.Events;
using Crm.Domain.Deals.Events;
using Crm.Domain.Organizations;
using Crm.Domain.Records;
using Crm.Domain.Records.Rules;

namespace Crm.Domain.Contacts;

/// <summary>A person the organization sells to.</summary>
public sealed class Contact : OwnedRecord
{
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 254;
    public const int PhoneMaxLength = 32;

    /// <summary>The name an erased contact keeps.</summary>
    public const string ErasedName = "Erased contact";

    /// <summary>What replaces an erased personal value wherever a record of it must stay (timelines, audit entries).</summary>
    public const string ErasedValue = "[erased]";

    private Contact()
    {
        Name = string.Empty;
    }

    public string Name { get; private set; }

    public string? Email { get; private set; }

    /// <summary>Upper-cased email, unique within the organization.</summary>
    public string? NormalizedEmail { get; private set; }

    public string? Phone { get; private set; }

    /// <summary>The id of this contact in a partner's system, exactly as sent; unique within the organization.</summary>
    public string? ExternalId { get; private set; }

    /// <summary>The company the contact works for, if any.</summary>
    public Guid? CompanyId { get; private set; }

    public static Contact Create(
        Guid organizationId,
        Actor actor,
        Guid? ownerId,
        string name,
        string? email,
        string? phone,
        DateTime now,
        string? externalId = null,
        Guid? companyId = null,
        IReadOnlyList<string>? tags = null,
        IReadOnlyDictionary<string, object?>? customFields = null)
    {
        var owner = ownerId ?? actor.UserId;
        BusinessRules.Check(new ActorMayAssignOwner(actor, owner));
        var contact = new Contact
        {
            Id = NewId(),
            OrganizationId = organizationId,
            OwnerId = owner,
            CreatedAt = now,
            UpdatedAt = now,
            ExternalId = externalId,
            CompanyId = companyId,
        };
        contact.SetDetails(name, email, phone);
        contact.SetTags(tags);
        contact.SetCustomFields(customFields);
        contact.Raise(new ContactCreated(organizationId, contact.Id, actor.UserId));
        return contact;
    }

    /// <summary>Applies a partial update; a field left unset keeps its value, an optional field set to null is cleared.</summary>
    public void Update(Actor actor, ContactChanges changes, DateTime now)
    {
        EnsureMayChange(actor);

        // Checked before anything changes, like the other rules: a refused update leaves the contact as it was.
        BusinessRules.Check(new TagsAreValid(changes.Tags.IsSet ? changes.Tags.Value : null));
        var before = (Name, Email, Phone, OwnerId, CompanyId);
        if (changes.OwnerId is { IsSet: true, Value: var owner })
        {
            BusinessRules.Check(new ActorMayAssignOwner(actor, owner));
            OwnerId = owner;
        }

        SetDetails(
            changes.Name.IsSet ? changes.Name.Value! : Name,
            changes.Email.IsSet ? changes.Email.Value : Email,
            changes.Phone.IsSet ? changes.Phone.Value : Phone);
        if (changes.ExternalId.IsSet)
        {
            ExternalId = changes.ExternalId.Value;
        }

        if (changes.CompanyId.IsSet)
        {
            CompanyId = changes.CompanyId.Value;
        }

        UpdatedAt = now;

        var fieldChanges = new List<FieldChange>();
        Track(fieldChanges, "name", before.Name, Name);
        Track(fieldChanges, "email", before.Email, Email);
        Track(fieldChanges, "phone", before.Phone, Phone);
        Track(fieldChanges, "owner_id", before.OwnerId, OwnerId);
        Track(fieldChanges, "company_id", before.CompanyId, CompanyId);
        if (changes.Tags.IsSet)
        {
            SetTags(changes.Tags.Value, fieldChanges);
        }

        if (changes.CustomFields.IsSet || changes.ReplaceCustomFields)
        {
            SetCustomFields(changes.CustomFields.Value, changes.ReplaceCustomFields, fieldChanges);
        }

        if (fieldChanges.Count > 0)
        {
            Raise(new ContactUpdated(OrganizationId, Id, actor.UserId, fieldChanges));
        }
    }

    /// <summary>Checks that the actor may delete the contact, and announces it.</summary>
    public void Delete(Actor actor)
    {
        EnsureMayChange(actor);
        Raise(new ContactDeleted(OrganizationId, Id, actor.UserId));
    }

    /// <summary>
    /// Removes the person's data at their request: the name becomes <see cref="ErasedName"/>; email, phone, external
    /// id, tags and custom field values are cleared. The company and the owner stay (they are the organization's).
    /// Erasing an erased contact changes nothing and announces nothing. Answers the fields erased, by name.
    /// </summary>
    public IReadOnlyList<string> Erase(Actor actor, DateTime now)
    {
        EnsureMayChange(actor);
        var erased = new List<string>();
        if (Name != ErasedName)
        {
            erased.Add("name");
        }

        if (Email is not null)
        {
            erased.Add("email");
        }

        if (Phone is not null)
        {
            erased.Add("phone");
        }

        if (ExternalId is not null)
        {
            erased.Add("external_id");
        }

        var tagChanges = new List<FieldChange>();
        SetTags(null, tagChanges);
        var fieldChanges = new List<FieldChange>();
        SetCustomFields(null, replace: true, fieldChanges);
        erased.AddRange(tagChanges.Concat(fieldChanges).Select(c => c.Field));
        if (erased.Count == 0)
        {
            return erased;
        }

        SetDetails(ErasedName, null, null);
        ExternalId = null;
        UpdatedAt = now;
        Raise(new ContactErased(OrganizationId, Id, actor.UserId, erased));
        return erased;
    }

    /// <summary>
    /// Clears the company as a consequence of its deletion, which the actor was allowed: no ownership check on the contact.
    /// </summary>
    public void DetachFromCompany(Guid actorId, DateTime now)
    {
        if (CompanyId is not { } company)
        {
            return;
        }

        CompanyId = null;
        UpdatedAt = now;
        Raise(new ContactUpdated(OrganizationId, Id, actorId, [new FieldChange("company_id", company, null)]));
    }

    public static string? NormalizeEmail(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToUpperInvariant();

    private static void Track<T>(List<FieldChange> changes, string field, T from, T to)
    {
        if (!EqualityComparer<T>.Default.Equals(from, to))
        {
            changes.Add(new FieldChange(field, from, to));
        }
    }

    private void SetDetails(string name, string? email, string? phone)
    {
        Name = name.Trim();
        Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        NormalizedEmail = NormalizeEmail(email);
        Phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
    }
}

/// <summary>The fields a contact update may set.</summary>
public sealed record ContactChanges(
    Optional<string> Name = default,
    Optional<string?> Email = default,
    Optional<string?> Phone = default,
    Optional<Guid> OwnerId = default,
    Optional<string?> ExternalId = default,
    Optional<Guid?> CompanyId = default,
    Optional<IReadOnlyList<string>?> Tags = default,
    Optional<IReadOnlyDictionary<string, object?>?> CustomFields = default,
    bool ReplaceCustomFields = false);
