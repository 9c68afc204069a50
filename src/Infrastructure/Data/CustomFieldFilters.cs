using System.Linq.Expressions;
using System.Text.Json;
using Crm.Application.CustomFields.Common;
using Crm.Domain.Records;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Data;

/// <summary>
/// Equality as jsonb containment (<c>custom_fields @&gt; '{"key": value}'</c>), which the GIN index of the records'
/// <c>custom_fields</c> serves; bounds and order on <c>jsonb_extract_path(custom_fields, key)</c>, whose jsonb
/// comparison orders numbers numerically and ISO dates as text.
/// </summary>
internal sealed class CustomFieldFilters : ICustomFieldFilters
{
    public Expression<Func<T, bool>> Equal<T>(string key, object value)
        where T : OwnedRecord
    {
        var contained = JsonSerializer.Serialize(new Dictionary<string, object> { [key] = value });
        return r => EF.Functions.JsonContains(r.CustomFields, contained);
    }

    public Expression<Func<T, bool>> Bound<T>(string key, object bound, bool atMost)
        where T : OwnedRecord
    {
        var json = JsonSerializer.Serialize(bound);
        return atMost
            ? r => string.Compare(CrmDbFunctions.JsonValue(r.CustomFields, key), json) <= 0
            : r => string.Compare(CrmDbFunctions.JsonValue(r.CustomFields, key), json) >= 0;
    }

    public Expression<Func<T, object?>> SortKey<T>(string key)
        where T : OwnedRecord =>
        r => CrmDbFunctions.JsonValue(r.CustomFields, key);
}
