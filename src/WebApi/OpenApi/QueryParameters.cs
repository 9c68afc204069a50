using System.Text.Json.Nodes;
using Crm.Application.Common.Models;
using Microsoft.OpenApi;

namespace Crm.WebApi.OpenApi;

/// <summary>The allowed values, ranges and defaults of the list endpoints' query parameters.</summary>
internal static class QueryParameters
{
    private static readonly Dictionary<string, string[]> OrderBy = new()
    {
        ["Contacts_List"] = ["created_at", "name"],
        ["Deals_List"] = ["created_at", "updated_at", "amount", "title"],
    };

    public static void Describe(OpenApiOperation operation)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query))
        {
            var schema = parameter.Schema as OpenApiSchema;
            switch (parameter.Name)
            {
                case "page":
                    parameter.Description = "Page number, from 1.";
                    Range(schema, 1, null, "1");
                    break;
                case "page_size":
                    parameter.Description = $"Items per page, from 1 to {Paging.MaxPageSize}.";
                    Range(schema, 1, Paging.MaxPageSize, Paging.DefaultPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case "status":
                    parameter.Description = "Any of these statuses; repeat the parameter for several.";
                    if (schema?.Items is OpenApiSchema items)
                    {
                        Enum(items, "new", "in_progress", "won", "lost");
                    }

                    break;
                case "stage":
                    Enum(schema, "qualification", "proposal", "negotiation", "closed");
                    break;
                case "order":
                    parameter.Description = "Sort direction (default asc).";
                    Enum(schema, "asc", "desc");
                    break;
                case "order_by" when operation.OperationId is { } id && OrderBy.TryGetValue(id, out var fields):
                    parameter.Description = $"Sort field (default {fields[0]}); ties are broken by id.";
                    Enum(schema, fields);
                    break;
                case "days":
                    parameter.Description = "The window, in days, of new_deals (1 to 365).";
                    Range(schema, 1, 365, "30");
                    break;
                case "q":
                    parameter.Description = "The words to find (prefixes match).";
                    break;
                case "types":
                    parameter.Description = "Comma-separated types to return: contact, deal, task, comment (default all).";
                    break;
                case "search":
                    parameter.Description = "Case- and accent-insensitive substring of the name or email.";
                    break;
                case "owner_id":
                    parameter.Description = "Only records of this owner (manager and above).";
                    break;
            }
        }
    }

    private static void Enum(OpenApiSchema? schema, params string[] values)
    {
        if (schema is not null)
        {
            schema.Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
        }
    }

    private static void Range(OpenApiSchema? schema, int minimum, int? maximum, string defaultValue)
    {
        if (schema is not null)
        {
            schema.Minimum = minimum.ToString(System.Globalization.CultureInfo.InvariantCulture);
            schema.Maximum = maximum?.ToString(System.Globalization.CultureInfo.InvariantCulture);
            schema.Default = JsonNode.Parse(defaultValue);
        }
    }
}
