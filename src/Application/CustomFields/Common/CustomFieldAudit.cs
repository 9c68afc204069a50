using System.Globalization;
using System.Text.Json;
using Crm.Application.Common.Auditing;
using Crm.Domain.CustomFields;

namespace Crm.Application.CustomFields.Common;

/// <summary>A definition's audited fields, before and after a change.</summary>
public static class CustomFieldAudit
{
    public static List<AuditChange> Changes(CustomFieldShape? before, CustomFieldDefinition? after, string? key = null)
    {
        var from = before is null ? [] : Fields(before);
        var to = after is null ? [] : Fields(after.Shape);
        if (after is not null && before is null)
        {
            to["key"] = after.Key;
            to["record_type"] = JsonNamingPolicy.SnakeCaseLower.ConvertName(after.RecordType.ToString());
        }
        else if (after is null && key is not null)
        {
            from["key"] = key;
        }

        return [.. from.Keys.Union(to.Keys)
            .Select(k => new AuditChange(k, from.GetValueOrDefault(k), to.GetValueOrDefault(k)))
            .Where(c => c.From != c.To)];
    }

    private static Dictionary<string, string?> Fields(CustomFieldShape shape) => new()
    {
        ["label"] = shape.Label,
        ["type"] = JsonNamingPolicy.SnakeCaseLower.ConvertName(shape.Type.ToString()),
        ["options"] = shape.Options.Count == 0 ? null : JsonSerializer.Serialize(shape.Options),
        ["currency"] = shape.Currency,
        ["required"] = shape.Required ? "true" : "false",
        ["position"] = shape.Position.ToString(CultureInfo.InvariantCulture),
    };
}
