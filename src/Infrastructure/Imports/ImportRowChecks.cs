using System.Globalization;
using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using Crm.Application.Imports.Common;
using Crm.Domain.CustomFields;
using Crm.Domain.Errors;
using Crm.Domain.Organizations;

namespace Crm.Infrastructure.Imports;

/// <summary>
/// What the row checks of every record type share: the mapped cells, the owner a row names (by email or id, a member
/// or a live API key of the organization), custom field values read as an API request's would be, and the keys the
/// file's rows claim (the first row with a key is the one imported; a later one fails as a duplicate).
/// </summary>
internal abstract class ImportRowChecks<TRow>
    where TRow : PreparedImportRow
{
    protected static readonly char[] ListSeparators = [';', '|'];

    private readonly IReadOnlyDictionary<string, CustomFieldShape> _fields;
    private readonly IReadOnlyDictionary<string, Guid> _membersByEmail;
    private readonly IReadOnlySet<Guid> _members;
    private readonly Dictionary<string, int> _columns;

    protected ImportRowChecks(
        ClaimedImport job, Actor actor, DateTime now, IReadOnlyDictionary<string, CustomFieldShape> fields,
        IReadOnlyDictionary<string, Guid> membersByEmail)
    {
        Job = job;
        Actor = actor;
        Now = now;
        _fields = fields;
        _membersByEmail = membersByEmail;
        _members = membersByEmail.Values.ToHashSet();
        _columns = job.Mapping.ToDictionary(m => m.Value, m => IndexOf(job.Headers, m.Key), StringComparer.Ordinal);
    }

    protected ClaimedImport Job { get; }

    protected Actor Actor { get; }

    protected DateTime Now { get; }

    /// <summary>
    /// Checks a data row (<paramref name="row"/> numbered as a spreadsheet numbers it). A row read again when a run
    /// resumes is checked again too, for the keys it claimed; what it answers then is not used.
    /// </summary>
    public abstract TRow Check(long row, string[] cells);

    protected static TRow Fail(TRow row, Error error, string detail) =>
        (TRow)(row with { FailedCode = error.Code, FailedDetail = detail.Length > 2_000 ? detail[..2_000] : detail });

    /// <summary>The row that first claimed <paramref name="key"/>, or null when this row claims it now.</summary>
    protected static long? Claim(Dictionary<ulong, long> claimed, string key, long row)
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

    /// <summary>The owner the row names by <c>owner_email</c> (first) or <c>owner_id</c>, or why it names none the organization has.</summary>
    protected (Guid? Owner, string? Refusal) Owner(string[] cells)
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

    /// <summary>Tags separated by <c>;</c> (or <c>|</c>), or null when the cell is empty.</summary>
    protected string[]? Tags(string[] cells) =>
        Cell(cells, ImportFields.Tags) is { } text
            ? text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : null;

    /// <summary>The row's custom field values, the required ones it leaves empty, and the values refused.</summary>
    protected (Dictionary<string, object?>? Values, string? MissingRequired, List<string> Refusals) CustomFields(string[] cells)
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

        var missing = _fields.Where(f => f.Value.Required && !values.ContainsKey(f.Key)).Select(f => $"custom_fields.{f.Key}: is required").ToList();
        return (values.Count > 0 ? values : null, missing.Count > 0 ? string.Join("; ", missing) : null, refusals);
    }

    /// <summary>The trimmed cell of the column mapped to <paramref name="field"/>, or null when none is or it is blank.</summary>
    protected string? Cell(string[] cells, string field) =>
        _columns.TryGetValue(field, out var column) && column < cells.Length && !string.IsNullOrWhiteSpace(cells[column])
            ? cells[column].Trim()
            : null;

    protected static string Snake(string property) => JsonNamingPolicy.SnakeCaseLower.ConvertName(property);

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
}
