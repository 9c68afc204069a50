using System.Text.Json;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.CustomFields.Queries.ListCustomFields;
using Crm.Domain.CustomFields;
using Crm.Domain.Organizations;
using FluentValidation.Results;
using MediatR;

namespace Crm.Application.CustomFields.Common;

/// <summary>
/// Checks the <c>custom_fields</c> a request sends for a record against the organization's definitions of its type
/// (read through the cached list): unknown keys, values of the wrong type, options not defined, users who are not
/// members and required fields left out or cleared are refused as <c>validation_failed</c> naming
/// <c>custom_fields.&lt;key&gt;</c>. Answers the values as the record stores them.
/// </summary>
public sealed class CustomFieldInput(IMediator sender, IReadStore store)
{
    public async Task<IReadOnlyDictionary<string, object?>?> ReadAsync(
        Guid organizationId,
        CustomFieldRecordType recordType,
        IReadOnlyDictionary<string, JsonElement>? sent,
        CustomFieldWrite write,
        CancellationToken cancellationToken)
    {
        var definitions = (await sender.Send(new ListCustomFieldsQuery(recordType), cancellationToken)).Items;
        if (definitions.Count == 0 && (sent is null || sent.Count == 0))
        {
            return sent is null ? null : new Dictionary<string, object?>();
        }

        var failures = new List<ValidationFailure>();
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        var byKey = definitions.ToDictionary(d => d.Key, StringComparer.Ordinal);
        var users = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var (key, element) in sent ?? new Dictionary<string, JsonElement>())
        {
            var field = "custom_fields." + key;
            if (!byKey.TryGetValue(key, out var definition))
            {
                failures.Add(new ValidationFailure(field, $"is not a custom field of {Plural(recordType)} (GET /api/v1/custom-fields lists them)"));
                continue;
            }

            if (element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            {
                if (definition.Required)
                {
                    failures.Add(new ValidationFailure(field, "is required: it cannot be cleared"));
                }

                values[key] = null;
                continue;
            }

            var (value, refusal) = CustomFieldValues.Read(definition.ToShape(), element);
            if (refusal is not null)
            {
                failures.Add(new ValidationFailure(field, refusal));
                continue;
            }

            if (definition.Type == CustomFieldType.User)
            {
                users[key] = Guid.Parse((string)value!);
            }

            values[key] = value;
        }

        if (write != CustomFieldWrite.Merge)
        {
            foreach (var definition in definitions.Where(d => d.Required && !values.ContainsKey(d.Key)))
            {
                failures.Add(new ValidationFailure("custom_fields." + definition.Key, "is required"));
            }
        }

        if (users.Count > 0)
        {
            var ids = users.Values.Distinct().ToList();
            var members = await store.ToListAsync(
                store.Query<Membership>().Where(m => m.OrganizationId == organizationId && ids.Contains(m.UserId)).Select(m => m.UserId),
                cancellationToken);
            failures.AddRange(users
                .Where(u => !members.Contains(u.Value))
                .Select(u => new ValidationFailure("custom_fields." + u.Key, "must be the id of a member of the organization")));
        }

        return failures.Count > 0 ? throw new ValidationException(failures) : values;
    }

    private static string Plural(CustomFieldRecordType recordType) => recordType switch
    {
        CustomFieldRecordType.Company => "companies",
        CustomFieldRecordType.Contact => "contacts",
        _ => "deals",
    };
}
