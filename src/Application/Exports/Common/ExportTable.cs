using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crm.Application.Exports.Common;

/// <summary>
/// The columns of an export of <typeparamref name="TDto"/>, read once from the DTO the list endpoint answers with, so
/// that an export has exactly the API's fields: nested records are flattened (<c>address.city</c>), and each
/// reference to a member, contact, company or deal is followed by that record's name.
/// </summary>
public static class ExportTable<TDto>
{
    public static IReadOnlyList<ExportColumn> Columns { get; } = Build(typeof(TDto), string.Empty, dto => dto);

    private static List<ExportColumn> Build(Type type, string prefix, Func<object, object?> owner)
    {
        var columns = new List<ExportColumn>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<JsonIgnoreAttribute>() is { Condition: JsonIgnoreCondition.Always })
            {
                continue;
            }

            var name = prefix + (property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
                                 ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name));
            var get = Getter(property);
            Func<object, object?> read = row => owner(row) is { } parent ? get(parent) : null;
            if (IsNested(property.PropertyType))
            {
                columns.AddRange(Build(property.PropertyType, name + ".", read));
                continue;
            }

            columns.Add(new ExportColumn(name, read));
            if (Related(name) is { } related)
            {
                columns.Add(new ExportColumn(related.Column, read, related.Kind));
            }
        }

        return columns;
    }

    /// <summary>A compiled read of the property (reflection's GetValue costs several times as much per cell).</summary>
    private static Func<object, object?> Getter(PropertyInfo property)
    {
        var row = Expression.Parameter(typeof(object), "row");
        var value = Expression.Property(Expression.Convert(row, property.DeclaringType!), property);
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(value, typeof(object)), row).Compile();
    }

    /// <summary>A record of the API's own (an address), not a value or a list.</summary>
    private static bool IsNested(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type)
        && type.Namespace?.StartsWith("Crm.", StringComparison.Ordinal) == true;

    private static (string Column, ExportRelated Kind)? Related(string column) => column switch
    {
        "owner_id" => ("owner_email", ExportRelated.Member),
        "assignee_id" => ("assignee_email", ExportRelated.Member),
        "author_id" => ("author_email", ExportRelated.Member),
        "contact_id" => ("contact_name", ExportRelated.Contact),
        "company_id" => ("company_name", ExportRelated.Company),
        "deal_id" => ("deal_title", ExportRelated.Deal),
        _ => null,
    };
}
