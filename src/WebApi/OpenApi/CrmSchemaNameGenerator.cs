using NJsonSchema.Generation;

namespace Crm.WebApi.OpenApi;

/// <summary>
/// Schema names in the API's words rather than the code's: <c>CreateContactCommand</c> → <c>CreateContactRequest</c>,
/// <c>ContactDto</c> → <c>Contact</c>, <c>PagedList&lt;ContactDto&gt;</c> → <c>ContactPage</c>,
/// <c>ItemsResponse&lt;OrganizationDto&gt;</c> → <c>OrganizationList</c>.
/// </summary>
internal sealed class CrmSchemaNameGenerator : ISchemaNameGenerator
{
    private static readonly Dictionary<string, string> GenericSuffixes = new()
    {
        ["PagedList"] = "Page",
        ["ItemsResponse"] = "List",
    };

    public string Generate(Type type)
    {
        if (!type.IsGenericType)
        {
            return Clean(type.Name);
        }

        var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        var arguments = string.Concat(type.GetGenericArguments().Select(Generate));
        return GenericSuffixes.TryGetValue(name, out var suffix) ? arguments + suffix : arguments + name;
    }

    private static string Clean(string name) => name switch
    {
        _ when name.EndsWith("Command", StringComparison.Ordinal) => name[..^"Command".Length] + "Request",
        _ when name.EndsWith("Query", StringComparison.Ordinal) => name[..^"Query".Length] + "Request",
        _ when name.EndsWith("Dto", StringComparison.Ordinal) => name[..^"Dto".Length],
        _ => name,
    };
}
