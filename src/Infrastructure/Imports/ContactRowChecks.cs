using System.Text.Json;
using Crm.Application.Contacts.Commands.CreateContact;
using Crm.Application.Imports.Common;
using Crm.Domain.Common;
using Crm.Domain.Companies;
using Crm.Domain.Contacts;
using Crm.Domain.CustomFields;
using Crm.Domain.Errors;
using Crm.Domain.Imports;
using Crm.Domain.Organizations;

namespace Crm.Infrastructure.Imports;

/// <summary>
/// Checks each data row of a contacts import as a create request would be checked (the create validator, then the
/// domain's factory), reads its custom fields against the organization's definitions and its owner against the members,
/// and refuses a row whose match key (or email) an earlier row of the file already had: the first row with a key is
/// the one imported, whatever happens to it; rows that fail these checks do not claim their key. The company a row
/// names is checked here for its form, and found (or created) in the chunk.
/// </summary>
internal sealed class ContactRowChecks(
    ClaimedImport job, Actor actor, DateTime now, IReadOnlyDictionary<string, CustomFieldShape> fields,
    IReadOnlyDictionary<string, Guid> membersByEmail)
    : ImportRowChecks<PreparedContactRow>(job, actor, now, fields, membersByEmail)
{
    private static readonly CreateContactValidator Validator = new();

    private readonly Dictionary<ulong, long> _keys = [];
    private readonly Dictionary<ulong, long> _emails = [];

    public override PreparedContactRow Check(long row, string[] cells)
    {
        var prepared = new PreparedContactRow(row, JsonSerializer.Serialize(cells));
        var name = Cell(cells, ImportFields.Name);
        var email = Cell(cells, ImportFields.Email);
        var phone = Cell(cells, ImportFields.Phone);
        var externalId = Cell(cells, ImportFields.ExternalId);
        var tags = Tags(cells);
        var companyDomain = Cell(cells, ImportFields.CompanyDomain);
        var companyName = Cell(cells, ImportFields.CompanyName);

        var key = Job.MatchOn == ImportMatch.Email ? Contact.NormalizeEmail(email) : externalId;
        if (Job.Mode == ImportMode.Upsert && key is null)
        {
            return Fail(prepared, ErrorCatalog.ImportMatchKeyMissing, $"The row has no {ImportFields.MatchField(Job.MatchOn)}.");
        }

        var (owner, ownerRefusal) = Owner(cells);
        if (ownerRefusal is not null)
        {
            return Fail(prepared, ErrorCatalog.UserNotMember, ownerRefusal);
        }

        var (values, missing, fieldRefusals) = CustomFields(cells);
        var validation = Validator.Validate(new CreateContactCommand(
            name ?? (Job.Mode == ImportMode.Upsert ? "-" : string.Empty), email, phone, owner, externalId, null, tags));
        var refusals = validation.Errors.Select(e => $"{Snake(e.PropertyName)}: {e.ErrorMessage}").Concat(fieldRefusals).ToList();
        if (companyDomain is not null && !CompanyDomain.IsValid(companyDomain))
        {
            refusals.Add($"{ImportFields.CompanyDomain}: must be a host name such as example.com");
        }

        if (companyName is { Length: > Company.NameMaxLength })
        {
            refusals.Add($"{ImportFields.CompanyName}: must be at most {Company.NameMaxLength} characters");
        }

        if (refusals.Count > 0)
        {
            return Fail(prepared, ErrorCatalog.ValidationFailed, string.Join("; ", refusals));
        }

        Contact contact;
        try
        {
            contact = Contact.Create(
                Job.OrganizationId, Actor, owner ?? Job.DefaultOwnerId ?? Job.RequestedBy, name ?? "-", email, phone, Now,
                externalId, null, tags, values);
        }
        catch (BusinessRuleException rule)
        {
            return Fail(prepared, rule.Error, rule.Message);
        }

        if (key is not null && Claim(_keys, key, row) is { } first)
        {
            return Fail(prepared, ErrorCatalog.ImportDuplicateRow, $"Row {first} has the same {ImportFields.MatchField(Job.MatchOn)}.");
        }

        if (Job.MatchOn != ImportMatch.Email && contact.NormalizedEmail is { } normalized && Claim(_emails, normalized, row) is { } earlier)
        {
            return Fail(prepared, ErrorCatalog.ImportDuplicateRow, $"Row {earlier} has the same email.");
        }

        return prepared with
        {
            Contact = contact,
            NameGiven = name is not null,
            EmailGiven = email is not null,
            PhoneGiven = phone is not null,
            ExternalIdGiven = externalId is not null,
            OwnerGiven = owner is not null,
            TagsGiven = tags is not null,
            MissingRequired = missing,
            CompanyDomain = CompanyDomain.Normalize(companyDomain),
            CompanyName = companyName,
        };
    }
}
