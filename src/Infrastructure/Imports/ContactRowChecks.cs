using System.Globalization;
using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using Crm.Application.Contacts.Commands.CreateContact;
using Crm.Application.Imports.Common;
using Crm.Domain.Common;
using Crm.Domain.Contacts;
using Crm.Domain.CustomFields;
using Crm.Domain.Errors;
using Crm.Domain.Imports;
using Crm.Domain.Organizations;
using FluentValidation;

namespace Crm.Infrastructure.Imports;

/// <summary>
/// Checks each data row of a contacts import as a create request would be checked (the create validator, then the
/// domain's factory), reads its custom fields against the organization's definitions and its owner against the members,
/// and refuses a row whose match key (or email) an earlier row of the file already had: the first row with a key is
/// the one imported, whatever happens to it; rows that fail these checks do not claim their key.
/// </summary>
internal sealed class ContactRowChecks
{
    private static readonly CreateContactValidator Validator = new();
    private static readonly char[] ListSeparators = [';', '|'];

    private readonly ClaimedImport _job;
    private readonly Actor _actor;
    private readonly DateTime _now;
    private readonly IReadOnlyDictionary<string, CustomFieldShape> _fields;
    private readonly IReadOnlyDictionary<string, Guid> _membersByEmail;
    private readonly IReadOnlySet<Guid> _members;
    private readonly Dictionary<string, int> _columns;
    private readonly Dictionary<ulong, long> _keys = [];
    private readonly Dictionary<ulong, long> _emails = [];

    public ContactRowChecks(
        ClaimedImport job, Actor actor, DateTime now, IReadOnlyDictionary<string, CustomFieldShape> fields,
        IReadOnlyDictionary<string, Guid> membersByEmail)
    {
        _job = job;
        _actor = actor;
        _now = now;
        _fields = fields;
        _membersByEmail = membersByEmail;
        _members = membersByEmail.Values.ToHashSet();
        _columns = job.Mapping.ToDictionary(m => m.Value, m => IndexOf(job.Headers, m.Key), StringComparer.Ordinal);
    }

    /// <summary>Settles a row read before a resumed run started: only the keys it claimed matter.</summary>
    public void Replay(long row, string[] cells) => Check(row, cells);

    public PreparedContactRow Check(long row, string[] cells)
    {
        var raw = JsonSerializer.Serialize(cells);
        var prepared = new PreparedContactRow(row, raw);
        var name = Cell(cells, ImportFields.Name);
        var email = Cell(cells, ImportFields.Email);
        var phone = Cell(cells, ImportFields.Phone);
        var externalId = Cell(cells, ImportFields.ExternalId);
        var tags = Cell(cells, ImportFields.Tags) is { } tagText
            ? tagText.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : null;

        var key = _job.MatchOn == ImportMatch.Email ? Contact.NormalizeEmail(email) : externalId;
        if (_job.Mode == ImportMode.Upsert && key is null)
        {
            return Fail(prepared, ErrorCatalog.ImportMatchKeyMissing, $"The row has no {ImportFields.MatchField(_job.MatchOn)}.");
        }

        var (owner, ownerRefusal) = Owner(cells);
        if (ownerRefusal is not null)
        {
            return Fail(prepared, ErrorCatalog.UserNotMember, ownerRefusal);
        }

        var (values, missing, fieldRefusals) = CustomFields(cells);
        var validation = Validator.Validate(new CreateContactCommand(
            name ?? (_job.Mode == ImportMode.Upsert ? "-" : string.Empty), email, phone, owner, externalId, null, tags));
        var refusals = validation.Errors.Select(e => $"{Snake(e.PropertyName)}: {e.ErrorMessage}").Concat(fieldRefusals).ToList();
        if (refusals.Count > 0)
        {
            return Fail(prepared, ErrorCatalog.ValidationFailed, string.Join("; ", refusals));
        }

        Contact contact;
        try
        {
            contact = Contact.Create(
                _job.OrganizationId, _actor, owner ?? _job.DefaultOwnerId ?? _job.RequestedBy, name ?? "-", email, phone, _now,
                externalId, null, tags, values);
        }
        catch (BusinessRuleException rule)
        {
            return Fail(prepared, rule.Error, rule.Message);
        }

        if (key is not null && Claim(_keys, key, row) is { } first)
        {
            return Fail(prepared, ErrorCatalog.ImportDuplicateRow, $"Row {first} has the same {ImportFields.MatchField(_job.MatchOn)}.");
        }

        if (_job.MatchOn != ImportMatch.Email && contact.NormalizedEmail is { } normalized && Claim(_emails, normalized, row) is { } earlier)
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
            MissingRequired = missing.Count > 0 ? string.Join("; ", missing.Select(k => $"custom_fields.{k}: is required")) : null,
        };
    }

    private static PreparedContactRow Fail(PreparedContactRow row, Error error, string detail) =>
        row with { FailedCode = error.Code, FailedDetail = detail.Length > 2_000 ? detail[..2_000] : detail };

    /// <summary>The row that first claimed <paramref name="key"/>, or null when this row claims it now.</summary>
    private static long? Claim(Dictionary<ulong, long> claimed, string key, long row)
    {
        // A 64-bit hash of the key, not the key: a million rows' keys stay a few megabytes.
        var hash = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(key));
        if (claimed.TryGetValue(hash, out var first))
        {
            return first;
        }

        claimed[hash] = row;
        return null;
    }

    private (Guid? Owner, string? Refusal) Owner(string[] cells)
    {
        if (Cell(cells, ImportFields.OwnerEmail) is { } ownerEmail)
        {
            return _membersByEmail.TryGetValue(ownerEmail.Trim().ToUpperInvariant(), out var id)
                ? (id, null)
                : (null, $"owner_email: {ownerEmail} is not a member of the organization.");
        }

        if (Cell(cells, ImportFields.OwnerId) is { } ownerId)
        {
            return Guid.TryParse(ownerId, out var id) && _members.Contains(id)
                ? (id, null)
                : (null, $"owner_id: {ownerId} is not the id of a member of the organization.");
        }

        return (null, null);
    }

    private (Dictionary<string, object?>? Values, List<string> Missing, List<string> Refusals) CustomFields(string[] cells)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        var refusals = new List<string>();
        foreach (var (field, column) in _columns)
        {
            if (ImportFields.CustomFieldKey(field) is not { } key || !_fields.TryGetValue(key, out var shape)
                || column >= cells.Length || string.IsNullOrWhiteSpace(cells[column]))
            {
                continue;
            }

            var (value, refusal) = CustomFieldValues.Read(shape, Json(shape, cells[column].Trim()));
            if (refusal is null && shape.Type == CustomFieldType.User && !_members.Contains(Guid.Parse((string)value!)))
            {
                refusal = "must be the id of a member of the organization";
            }

            if (refusal is not null)
            {
                refusals.Add($"custom_fields.{key}: {refusal}");
                continue;
            }

            values[key] = value;
        }

        var missing = _fields.Where(f => f.Value.Required && !values.ContainsKey(f.Key)).Select(f => f.Key).ToList();
        return (values.Count > 0 ? values : null, missing, refusals);
    }

    /// <summary>A cell's text as the JSON value the field's type takes (what an API request would send).</summary>
    private static JsonElement Json(CustomFieldShape shape, string text) => shape.Type switch
    {
        CustomFieldType.Number or CustomFieldType.Currency when decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) =>
            JsonSerializer.SerializeToElement(number),
        CustomFieldType.Boolean when Flag(text) is { } flag => JsonSerializer.SerializeToElement(flag),
        CustomFieldType.MultiSelect => JsonSerializer.SerializeToElement(text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
        _ => JsonSerializer.SerializeToElement(text),
    };

    private static bool? Flag(string text) => text.ToLowerInvariant() switch
    {
        "true" or "yes" or "1" => true,
        "false" or "no" or "0" => false,
        _ => null,
    };

    private string? Cell(string[] cells, string field) =>
        _columns.TryGetValue(field, out var column) && column < cells.Length && !string.IsNullOrWhiteSpace(cells[column])
            ? cells[column].Trim()
            : null;

    private static int IndexOf(IReadOnlyList<string> headers, string header)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (string.Equals(headers[i], header, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private static string Snake(string property) => JsonNamingPolicy.SnakeCaseLower.ConvertName(property);
}
