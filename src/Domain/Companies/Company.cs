using Crm.Domain.Common;
using Crm.Domain.Companies.Events;
using Crm.Domain.Companies.Rules;
using Crm.Domain.Deals.Events;
using Crm.Domain.Organizations;
using Crm.Domain.Records;
using Crm.Domain.Records.Rules;

namespace Crm.Domain.Companies;

/// <summary>An account the organization sells to: contacts work there, deals are made with it.</summary>
public sealed class Company : OwnedRecord
{
    public const int NameMaxLength = 200;
    public const int IndustryMaxLength = 100;
    public const int WebsiteMaxLength = 2048;
    public const int PhoneMaxLength = 32;
    public const int EmployeeCountMax = 10_000_000;

    private Company()
    {
        Name = string.Empty;
    }

    public string Name { get; private set; }

    /// <summary>The normalised domain (<see cref="CompanyDomain.Normalize"/>), unique within the organization.</summary>
    public string? Domain { get; private set; }

    public string? Industry { get; private set; }

    public int? EmployeeCount { get; private set; }

    public string? Website { get; private set; }

    public string? Phone { get; private set; }

    public CompanyAddress? Address { get; private set; }

    public static Company Create(
        Guid organizationId, Actor actor, Guid? ownerId, CompanyDetails details, DateTime now, IReadOnlyList<string>? tags = null,
        IReadOnlyDictionary<string, object?>? customFields = null)
    {
        var owner = ownerId ?? actor.UserId;
        BusinessRules.Check(new ActorMayAssignOwner(actor, owner));
        var company = new Company
        {
            Id = NewId(),
            OrganizationId = organizationId,
            OwnerId = owner,
            CreatedAt = now,
            UpdatedAt = now,
        };
        company.SetDetails(details);
        company.SetTags(tags);
        company.SetCustomFields(customFields);
        company.Raise(new CompanyCreated(organizationId, company.Id, actor.UserId));
        return company;
    }

    /// <summary>Applies a partial update; a field left unset keeps its value, an optional field set to null is cleared.</summary>
    public void Update(Actor actor, CompanyChanges changes, DateTime now)
    {
        EnsureMayChange(actor);

        // Checked before anything changes, like the other rules: a refused update leaves the company as it was.
        BusinessRules.Check(new TagsAreValid(changes.Tags.IsSet ? changes.Tags.Value : null));
        var before = Snapshot();
        var owner = changes.OwnerId.IsSet ? changes.OwnerId.Value : OwnerId;
        if (owner != OwnerId)
        {
            BusinessRules.Check(new ActorMayAssignOwner(actor, owner));
        }

        SetDetails(new CompanyDetails(
            changes.Name.IsSet ? changes.Name.Value : Name,
            changes.Domain.IsSet ? changes.Domain.Value : Domain,
            changes.Industry.IsSet ? changes.Industry.Value : Industry,
            changes.EmployeeCount.IsSet ? changes.EmployeeCount.Value : EmployeeCount,
            changes.Website.IsSet ? changes.Website.Value : Website,
            changes.Phone.IsSet ? changes.Phone.Value : Phone,
            changes.Address.IsSet ? changes.Address.Value : Address));
        OwnerId = owner;

        var after = Snapshot();
        var fieldChanges = new List<FieldChange>();
        Track(fieldChanges, "name", before.Name, after.Name);
        Track(fieldChanges, "domain", before.Domain, after.Domain);
        Track(fieldChanges, "industry", before.Industry, after.Industry);
        Track(fieldChanges, "employee_count", before.EmployeeCount, after.EmployeeCount);
        Track(fieldChanges, "website", before.Website, after.Website);
        Track(fieldChanges, "phone", before.Phone, after.Phone);
        Track(fieldChanges, "address", before.Address, after.Address);
        Track(fieldChanges, "owner_id", before.OwnerId, after.OwnerId);
        if (changes.Tags.IsSet)
        {
            SetTags(changes.Tags.Value, fieldChanges);
        }

        if (changes.CustomFields.IsSet)
        {
            SetCustomFields(changes.CustomFields.Value, changes: fieldChanges);
        }

        if (fieldChanges.Count > 0)
        {
            UpdatedAt = now;
            Raise(new CompanyUpdated(OrganizationId, Id, actor.UserId, fieldChanges));
        }
    }

    /// <summary>
    /// Checks that the actor may delete the company and that nothing refers to it unless its records are detached,
    /// and announces it.
    /// </summary>
    public void Delete(Actor actor, int linkedRecords, bool detach)
    {
        EnsureMayChange(actor);
        BusinessRules.Check(new CompanyWithRecordsIsDetachedFirst(linkedRecords, detach));
        Raise(new CompanyDeleted(OrganizationId, Id, actor.UserId));
    }

    private static void Track<T>(List<FieldChange> changes, string field, T from, T to)
    {
        if (!EqualityComparer<T>.Default.Equals(from, to))
        {
            changes.Add(new FieldChange(field, from, to));
        }
    }

    private (string Name, string? Domain, string? Industry, int? EmployeeCount, string? Website, string? Phone, CompanyAddress? Address, Guid OwnerId) Snapshot() =>
        (Name, Domain, Industry, EmployeeCount, Website, Phone, Address, OwnerId);

    private void SetDetails(CompanyDetails details)
    {
        BusinessRules.Check(new CompanyDomainIsValid(details.Domain));
        Name = details.Name.Trim();
        Domain = CompanyDomain.Normalize(details.Domain);
        Industry = Blank(details.Industry);
        EmployeeCount = details.EmployeeCount;
        Website = Blank(details.Website);
        Phone = Blank(details.Phone);
        Address = details.Address?.Normalized();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>A company's descriptive fields, as sent (the domain is normalised by the company).</summary>
public sealed record CompanyDetails(
    string Name,
    string? Domain = null,
    string? Industry = null,
    int? EmployeeCount = null,
    string? Website = null,
    string? Phone = null,
    CompanyAddress? Address = null);

/// <summary>The fields a company update may set.</summary>
public sealed record CompanyChanges(
    Optional<string> Name = default,
    Optional<string?> Domain = default,
    Optional<string?> Industry = default,
    Optional<int?> EmployeeCount = default,
    Optional<string?> Website = default,
    Optional<string?> Phone = default,
    Optional<CompanyAddress?> Address = default,
    Optional<Guid> OwnerId = default,
    Optional<IReadOnlyList<string>?> Tags = default,
    Optional<IReadOnlyDictionary<string, object?>?> CustomFields = default);
