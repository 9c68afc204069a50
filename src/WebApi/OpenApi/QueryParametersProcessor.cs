using Crm.Application.Analytics.Reports;
using Crm.Application.Changes.Queries.ListChanges;
using Crm.Application.Common.Models;
using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Crm.WebApi.OpenApi;

/// <summary>The allowed values, ranges, defaults and meaning of the list endpoints' query parameters.</summary>
internal sealed class QueryParametersProcessor : IOperationProcessor
{
    private const string ChangesList = "Changes_List";

    private static readonly Dictionary<string, string[]> OrderBy = new()
    {
        ["Contacts_List"] = ["created_at", "name"],
        ["Companies_List"] = ["created_at", "name"],
        ["Deals_List"] = ["created_at", "updated_at", "amount", "title"],
    };

    public bool Process(OperationProcessorContext context)
    {
        var operation = context.OperationDescription.Operation;
        foreach (var parameter in operation.Parameters.Where(p => p.Kind == OpenApiParameterKind.Query))
        {
            // A query parameter is absent or has a value; it is never null.
            var schema = parameter.Schema;
            if (schema is not null)
            {
                schema.IsNullableRaw = null;
            }

            switch (parameter.Name)
            {
                case "page":
                    parameter.Description = "Page number, from 1.";
                    Range(schema, 1, null, 1);
                    break;
                case "page_size" when operation.OperationId == ChangesList:
                    parameter.Description = $"Changes per page, from 1 to {Paging.MaxPageSize}.";
                    Range(schema, 1, Paging.MaxPageSize, ListChangesQuery.DefaultPageSize);
                    break;
                case "page_size":
                    parameter.Description = $"Items per page, from 1 to {Paging.MaxPageSize}.";
                    Range(schema, 1, Paging.MaxPageSize, Paging.DefaultPageSize);
                    break;
                case "status":
                    parameter.Description = "Any of these statuses; repeat the parameter for several.";
                    Enum(schema?.Item, "new", "in_progress", "won", "lost");
                    break;
                case "stage":
                    parameter.Description = "Only deals at this stage.";
                    Enum(schema, "qualification", "proposal", "negotiation", "closed");
                    break;
                case "order":
                    parameter.Description = "Sort direction (default asc).";
                    Enum(schema, "asc", "desc");
                    break;
                case "order_by" when operation.OperationId is "Contacts_List" or "Companies_List" or "Deals_List" && OrderBy.TryGetValue(operation.OperationId, out var fields):
                    // A custom field's key is the organization's, so the values cannot be listed.
                    parameter.Description = $"Sort field: {string.Join(", ", fields)} (default {fields[0]}), or cf.<key> for a custom field " +
                        "(records without a value come last in ascending order); ties are broken by id. The list also filters by custom fields: " +
                        "cf.<key>=value (equality; a multi_select includes the option), and for number, currency and date fields cf.<key>.gte and cf.<key>.lte.";
                    break;
                case "order_by" when operation.OperationId is { } id && OrderBy.TryGetValue(id, out var fields):
                    parameter.Description = $"Sort field (default {fields[0]}); ties are broken by id.";
                    Enum(schema, fields);
                    break;
                case "days" when operation.OperationId == "Analytics_DealSummary":
                    parameter.Description = "The window, in days, of new_deals (1 to 365).";
                    Range(schema, 1, 365, 30);
                    break;
                case "days":
                    parameter.Description = $"The window, in days up to now, of the deals won and lost ({ReportBounds.MinDays} to {ReportBounds.MaxDays}).";
                    Range(schema, ReportBounds.MinDays, ReportBounds.MaxDays, ReportBounds.DefaultDays);
                    break;
                case "months":
                    parameter.Description = $"How many months to forecast from this one ({ReportBounds.MinMonths} to {ReportBounds.MaxMonths}).";
                    Range(schema, ReportBounds.MinMonths, ReportBounds.MaxMonths, ReportBounds.DefaultMonths);
                    break;
                case "interval":
                    parameter.Description = "The length of a bucket (default day); weeks start on Monday.";
                    Enum(schema, "day", "week", "month");
                    break;
                case "from" when operation.OperationId == "Analytics_DealTrend":
                    parameter.Description = "The first day counted, in the organization's time zone (default: 30 days, 12 weeks or 12 months back).";
                    break;
                case "to" when operation.OperationId == "Analytics_DealTrend":
                    parameter.Description = "The last day counted, in the organization's time zone (default today).";
                    break;
                case "expected_close_before":
                    parameter.Description = "Only deals expected to close before this day.";
                    break;
                case "expected_close_after":
                    parameter.Description = "Only deals expected to close after this day.";
                    break;
                case "q":
                    parameter.Description = "The words to find (prefixes match).";
                    break;
                case "types" when operation.OperationId == ChangesList:
                    parameter.Description = "Comma-separated record types to follow: contact, deal, task, company (default all). A cursor keeps to the types it was issued for.";
                    break;
                case "types":
                    parameter.Description = "Comma-separated types to return: contact, company, deal, task, comment, activity (logged notes, calls, meetings and emails; default all).";
                    break;
                case "search" when operation.OperationId == "Companies_List":
                    parameter.Description = "Case- and accent-insensitive substring of the name or domain.";
                    break;
                case "search":
                    parameter.Description = "Case- and accent-insensitive substring of the name or email.";
                    break;
                case "owner_id":
                    parameter.Description = "Only records of this owner (manager and above).";
                    break;
                case "company_id":
                    parameter.Description = "Only records of this company.";
                    break;
                case "domain":
                    parameter.Description = "Only companies with this domain, normalised as stored (https://www.Example.com/x finds example.com); repeated, one of several.";
                    break;
                case "tag":
                    parameter.Description = $"Only records with this tag, compared without regard to case; repeated, one of several (at most {QueryBounds.MaxFilterValues}).";
                    break;
                case "record_type" when operation.OperationId == "CustomFields_List":
                    parameter.Description = "Only the custom fields of this record type (default: of contacts, companies and deals).";
                    Enum(schema, "contact", "company", "deal");
                    break;
                case "record_type" when operation.OperationId == "Tags_List":
                    parameter.Description = "Count the tags of this record type only (default: contacts, companies and deals together).";
                    Enum(schema, "contact", "company", "deal");
                    break;
                case "detach":
                    parameter.Description = "Also clear the company of its contacts and deals (at most 1,000), in the same transaction; without it, a company that has contacts or deals answers 409 company_has_records.";
                    break;
                case "type" when operation.OperationId is "Activities_List" or "Activities_Feed" or "Contacts_Timeline" or "Companies_Timeline":
                    parameter.Description = "Only entries of these types; repeat the parameter for several.";
                    Enum(schema?.Item, [.. System.Enum.GetValues<Domain.Activities.ActivityType>().Select(t => Wire(t.ToString()))]);
                    break;
                case "record_type" when operation.OperationId == "Activities_Feed":
                    parameter.Description = "Only entries of these record types (a deal's entry is the deal's, else a contact's, else a company's); repeat for several.";
                    Enum(schema?.Item, "deal", "contact", "company");
                    break;
                case "actor_id":
                    parameter.Description = "Only entries written by these users or API keys; repeat for several.";
                    break;
                case "since":
                    parameter.Description = "Only entries written at or after this time.";
                    break;
                case "mentions":
                    parameter.Description = "me: only the comments and notes that mention the caller.";
                    Enum(schema, "me");
                    break;
                case "cursor":
                    parameter.Description = "Where the previous page ended (its next_cursor), instead of a page number.";
                    break;
            }
        }

        return true;
    }

    private static string Wire(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static void Enum(JsonSchema? schema, params string[] values)
    {
        if (schema is not null)
        {
            schema.Enumeration.Clear();
            foreach (var value in values)
            {
                schema.Enumeration.Add(value);
            }
        }
    }

    private static void Range(JsonSchema? schema, int minimum, int? maximum, int defaultValue)
    {
        if (schema is not null)
        {
            schema.Minimum = minimum;
            schema.Maximum = maximum;
            schema.Default = defaultValue;
        }
    }
}
