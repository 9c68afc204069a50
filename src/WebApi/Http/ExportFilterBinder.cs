using System.Globalization;
using System.Text.Json;
using Crm.Application.Activities.Common;
using Crm.Application.Activities.Queries.ListFeed;
using Crm.Application.Common.Exceptions;
using Crm.Application.Companies.Queries.ListCompanies;
using Crm.Application.Contacts.Queries.ListContacts;
using Crm.Application.CustomFields.Common;
using Crm.Application.Deals.Queries.ListDeals;
using Crm.Application.Exports.Common;
using Crm.Application.Tasks.Queries.ListTasks;
using Crm.Domain.Activities;
using Crm.Domain.Deals;
using Crm.Domain.Exports;
using FluentValidation.Results;

namespace Crm.WebApi.Http;

/// <summary>
/// Reads an export's <c>filters</c> (a JSON object of the list endpoint's query parameters: strings, numbers, booleans,
/// or arrays of them for a repeatable parameter) into that list's query, by the names and rules the list endpoint
/// binds, <c>cf.&lt;key&gt;</c> (and <c>.gte</c>, <c>.lte</c>) custom field filters included. Paging and order are not
/// filters: an export is written in creation order. A wrong name or value is a 400 under
/// <c>filters.&lt;name&gt;</c>.
/// </summary>
public sealed class ExportFilterBinder
{
    /// <summary>The filter parameters each list takes, as its endpoint names them.</summary>
    public static readonly IReadOnlyDictionary<ExportRecordType, string[]> Parameters = new Dictionary<ExportRecordType, string[]>
    {
        [ExportRecordType.Contacts] = ["search", "owner_id", "updated_since", "external_id", "company_id", "tag"],
        [ExportRecordType.Companies] = ["search", "owner_id", "domain", "updated_since", "tag"],
        [ExportRecordType.Deals] = ["status", "stage", "min_amount", "max_amount", "contact_id", "owner_id", "updated_since", "external_id", "company_id", "tag", "expected_close_before", "expected_close_after"],
        [ExportRecordType.Tasks] = ["deal_id", "only_open", "due_before", "due_after", "updated_since", "assignee_id", "status", "contact_id", "company_id"],
        [ExportRecordType.Activities] = ["actor_id", "type", "record_type", "since", "mentions"],
    };

    private static readonly HashSet<string> Paging = ["page", "page_size", "cursor", "order_by", "order"];

    private readonly Dictionary<string, string[]> _values = new(StringComparer.Ordinal);
    private readonly List<ValidationFailure> _errors = [];
    private readonly List<CustomFieldFilter> _customFields = [];

    private ExportFilterBinder(ExportRecordType recordType, JsonElement? filters)
    {
        if (filters is not { } json || json.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (json.ValueKind != JsonValueKind.Object)
        {
            _errors.Add(new ValidationFailure("filters", "must be an object of the list's query parameters"));
            return;
        }

        foreach (var property in json.EnumerateObject())
        {
            if (_values.Count >= ExportFilters.MaxParameters)
            {
                _errors.Add(new ValidationFailure("filters", $"must have at most {ExportFilters.MaxParameters} parameters"));
                return;
            }

            if (Paging.Contains(property.Name))
            {
                _errors.Add(Failure(property.Name, "is not a filter: an export has every matching record, in creation order"));
            }
            else if (property.Name.StartsWith(CustomFieldFilter.Prefix, StringComparison.Ordinal)
                     && recordType is not (ExportRecordType.Tasks or ExportRecordType.Activities))
            {
                if (Strings(property.Value) is { } values)
                {
                    _customFields.AddRange(values.Select(v => CustomFieldFilter.Parse(property.Name, v)).OfType<CustomFieldFilter>());
                }
                else
                {
                    _errors.Add(Failure(property.Name, "must be a string, a number or a boolean"));
                }
            }
            else if (!Parameters[recordType].Contains(property.Name))
            {
                _errors.Add(Failure(property.Name, $"is not a filter of the {recordType.ToString().ToLowerInvariant()} list; it takes {string.Join(", ", Parameters[recordType])}"));
            }
            else if (Strings(property.Value) is { } values)
            {
                _values[property.Name] = values;
            }
            else
            {
                _errors.Add(Failure(property.Name, $"must be a string, a number, a boolean, or an array of at most {ExportFilters.MaxValues} of them"));
            }
        }
    }

    /// <summary>The list query the filters make (its first page of one row), or a 400 naming every wrong filter.</summary>
    public static object Bind(ExportRecordType recordType, JsonElement? filters)
    {
        var binder = new ExportFilterBinder(recordType, filters);
        var query = binder.Query(recordType);
        if (binder._errors.Count > 0)
        {
            throw new ValidationException(binder._errors);
        }

        return query;
    }

    private object Query(ExportRecordType recordType) => recordType switch
    {
        ExportRecordType.Contacts => new ListContactsQuery(
            PageSize: 1, Search: String("search"), OwnerId: Guid("owner_id"), UpdatedSince: Time("updated_since"),
            ExternalId: List("external_id"), CompanyId: Guid("company_id"), Tag: List("tag"), CustomFields: _customFields),
        ExportRecordType.Companies => new ListCompaniesQuery(
            PageSize: 1, Search: String("search"), OwnerId: Guid("owner_id"), Domain: List("domain"),
            UpdatedSince: Time("updated_since"), Tag: List("tag"), CustomFields: _customFields),
        ExportRecordType.Deals => new ListDealsQuery(
            PageSize: 1, Status: Enums<DealStatus>("status"), Stage: Enum<DealStage>("stage"), MinAmount: Number("min_amount"),
            MaxAmount: Number("max_amount"), ContactId: Guid("contact_id"), OwnerId: Guid("owner_id"),
            UpdatedSince: Time("updated_since"), ExternalId: List("external_id"), CompanyId: Guid("company_id"), Tag: List("tag"),
            ExpectedCloseBefore: Date("expected_close_before"), ExpectedCloseAfter: Date("expected_close_after"), CustomFields: _customFields),
        ExportRecordType.Activities => new ListFeedQuery(
            PageSize: 1, ActorId: Guids("actor_id"), Type: Enums<ActivityType>("type"), RecordType: Enums<ActivityRecordType>("record_type"),
            Since: Time("since"), Mentions: Enum<FeedMentions>("mentions")),
        _ => new ListTasksQuery(
            PageSize: 1, DealId: Guid("deal_id"), OnlyOpen: Flag("only_open") ?? false, DueBefore: Date("due_before"),
            DueAfter: Date("due_after"), OrderBy: TaskOrder.CreatedAt, UpdatedSince: Time("updated_since"),
            AssigneeIds: List("assignee_id"), Statuses: Enums<TaskState>("status"), ContactId: Guid("contact_id"),
            CompanyId: Guid("company_id")),
    };

    private static string[]? Strings(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => [],
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Number => [value.GetRawText()],
        JsonValueKind.True => ["true"],
        JsonValueKind.False => ["false"],
        JsonValueKind.Array when value.GetArrayLength() <= ExportFilters.MaxValues
            && value.EnumerateArray().All(v => v.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
            => [.. value.EnumerateArray().SelectMany(v => Strings(v)!)],
        _ => null,
    };

    private string? String(string name)
    {
        if (!_values.TryGetValue(name, out var values) || values.Length == 0)
        {
            return null;
        }

        if (values.Length > 1)
        {
            _errors.Add(Failure(name, "takes one value"));
            return null;
        }

        return values[0];
    }

    private IReadOnlyList<string>? List(string name) =>
        _values.TryGetValue(name, out var values) ? [.. values.Where(v => v.Length > 0)] : null;

    private T? Parsed<T>(string name, Func<string, T?> parse, string expected)
        where T : struct
    {
        if (String(name) is not { } text)
        {
            return null;
        }

        if (parse(text) is { } value)
        {
            return value;
        }

        _errors.Add(Failure(name, $"must be {expected}"));
        return null;
    }

    private Guid? Guid(string name) =>
        Parsed<System.Guid>(name, t => System.Guid.TryParse(t, out var id) ? id : null, "an id (a UUID)");

    private List<System.Guid>? Guids(string name)
    {
        if (!_values.TryGetValue(name, out var values))
        {
            return null;
        }

        var ids = new List<System.Guid>();
        foreach (var value in values)
        {
            if (System.Guid.TryParse(value, out var id))
            {
                ids.Add(id);
            }
            else
            {
                _errors.Add(Failure(name, "must be ids (UUIDs)"));
                return null;
            }
        }

        return ids.Count > 0 ? ids : null;
    }

    private DateTime? Time(string name) => QueryValues.Utc(Parsed<DateTime>(
        name,
        t => DateTime.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at) ? at : null,
        "a date and time (ISO 8601)"));

    private DateOnly? Date(string name) =>
        Parsed<DateOnly>(name, t => DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null, "a date (YYYY-MM-DD)");

    private decimal? Number(string name) =>
        Parsed<decimal>(name, t => decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null, "a number");

    private bool? Flag(string name) =>
        Parsed<bool>(name, t => bool.TryParse(t, out var flag) ? flag : null, "true or false");

    private TEnum? Enum<TEnum>(string name)
        where TEnum : struct, System.Enum
    {
        try
        {
            return QueryValues.Enum<TEnum>($"filters.{name}", String(name));
        }
        catch (ValidationException invalid)
        {
            _errors.AddRange(invalid.Errors.SelectMany(e => e.Value.Select(m => new ValidationFailure(e.Key, m))));
            return null;
        }
    }

    private IReadOnlyList<TEnum>? Enums<TEnum>(string name)
        where TEnum : struct, System.Enum
    {
        try
        {
            return _values.TryGetValue(name, out var values) ? QueryValues.Enums<TEnum>($"filters.{name}", values) : null;
        }
        catch (ValidationException invalid)
        {
            _errors.AddRange(invalid.Errors.SelectMany(e => e.Value.Select(m => new ValidationFailure(e.Key, m))));
            return null;
        }
    }

    private static ValidationFailure Failure(string name, string message) => new($"filters.{name}", message);
}
