using System.Net;
using System.Text.Json.Nodes;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

/// <summary>
/// The document's <c>required</c> lists tell the truth: for every JSON request body, leaving out a required property
/// is refused with a validation error naming it, and leaving out any other property is not.
/// </summary>
public sealed class RequestBodyTests : ApiTest
{
    private static readonly string[] Methods = ["post", "put", "patch"];

    /// <summary>A webhook target that needs no name lookup (TEST-NET-3), for the webhook bodies.</summary>
    private const string PublicUrl = "https://203.0.113.10/hook";

    [Test]
    public async Task A_request_body_property_is_required_exactly_when_leaving_it_out_is_refused()
    {
        var api = NewApi();
        var document = (await api.GetAsync("/openapi/v1.json")).Json;
        var owner = await api.RegisterAsync();
        var asOwner = api.As(owner);
        var contact = await asOwner.CreateContactAsync();
        var deal = await asOwner.CreateDealAsync(contact);
        var task = await asOwner.CreateTaskAsync(deal);
        var company = Guid.Parse((await asOwner.PostAsync("/api/v1/companies", new { name = "Acme" }))["id"]!);
        var member = await Team.JoinAsync(api, owner, "member");
        var newcomer = await api.RegisterAsync();
        var webhook = Guid.Parse((await asOwner.PostAsync("/api/v1/webhooks", new { url = PublicUrl, events = new[] { "*" } }))["id"]!);
        var customField = Guid.Parse((await asOwner.PostAsync("/api/v1/custom-fields", new { record_type = "contact", key = "tier", label = "Tier", type = "select", options = new[] { "gold", "silver", "bronze" } }))["id"]!);
        (await asOwner.PostAsync("/api/v1/custom-fields", new { record_type = "contact", key = "seats", label = "Seats", type = "number" })).Status.ShouldBe(HttpStatusCode.Created);
        (await asOwner.PostAsync("/api/v1/custom-fields", new { record_type = "contact", key = "renewal", label = "Renewal", type = "date" })).Status.ShouldBe(HttpStatusCode.Created);
        var activity = Guid.Parse((await asOwner.PostAsync("/api/v1/activities", new { type = "call", body = "Hello", occurred_at = "2026-11-20T10:15:00Z", contact_id = contact }))["id"]!);
        var checkedProperties = 0;

        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var method in Methods.Where(m => item![m]?["requestBody"]?["content"]?["application/json"] is not null))
            {
                var operation = item![method]!;
                var name = (string)operation["operationId"]!;
                var body = operation["requestBody"]!["content"]!["application/json"]!;
                var schema = Resolve(document, body["schema"]!);
                var required = schema["required"]?.AsArray().Select(r => (string)r!).ToHashSet() ?? [];
                var example = body["example"]?.AsObject();
                example.ShouldNotBeNull($"{name} has no request example");
                example.Select(p => p.Key).ShouldBeSubsetOf(schema["properties"]!.AsObject().Select(p => p.Key), name);
                required.ShouldBeSubsetOf(example.Select(p => p.Key), $"{name}: the example leaves out a required property");

                // Real records in place of the example's ids, so that only the left-out property can be at fault.
                var values = new Dictionary<string, JsonNode?>
                {
                    ["contact_id"] = contact.ToString(),
                    ["deal_id"] = deal.ToString(),
                    ["company_id"] = company.ToString(),
                    ["owner_id"] = owner.UserId.ToString(),
                    ["email"] = name == "Members_Add" ? newcomer.Email : example["email"]?.DeepClone(),
                    ["url"] = PublicUrl,
                };
                var target = path
                    .Replace("{deal_id}", deal.ToString(), StringComparison.Ordinal)
                    .Replace("{user_id}", member.UserId.ToString(), StringComparison.Ordinal);
                if (target.Contains("{id}", StringComparison.Ordinal))
                {
                    target = target.Replace("{id}", IdFor(path, owner.OrganizationId, contact, deal, task, webhook, company, customField, activity).ToString(), StringComparison.Ordinal);
                }

                foreach (var property in schema["properties"]!.AsObject().Select(p => p.Key))
                {
                    var sent = new JsonObject();
                    foreach (var (key, value) in example.Where(p => p.Key != property))
                    {
                        sent[key] = values.TryGetValue(key, out var real) && value is not null ? real?.DeepClone() : value?.DeepClone();
                    }

                    var reply = await asOwner.SendRawAsync(new HttpMethod(method.ToUpperInvariant()), target, sent.ToJsonString());
                    var what = $"{name} without {property}: {(int)reply.Status} {reply.Text}";
                    reply.Status.ShouldNotBe(HttpStatusCode.InternalServerError, what);
                    var refusedForIt = reply.Status == HttpStatusCode.BadRequest && reply.ErrorsOf(property).Count > 0;

                    // One of several alternatives (a task's deal_id or contact_id): refused naming the others too, none required alone.
                    var alternatives = refusedForIt
                        ? reply.Json["errors"]!.AsObject().Select(e => e.Key)
                            .Where(k => k != property && !sent.ContainsKey(k) && schema["properties"]![k] is not null).ToList()
                        : [];
                    if (alternatives.Count > 0)
                    {
                        required.ShouldNotContain(property, what);
                        alternatives.ShouldAllBe(k => !required.Contains(k), what);
                        checkedProperties++;
                        continue;
                    }

                    refusedForIt.ShouldBe(required.Contains(property), what);
                    checkedProperties++;
                }
            }
        }

        checkedProperties.ShouldBeGreaterThan(30);
    }

    /// <summary>The record a path's <c>{id}</c> names, by the resource the path starts with.</summary>
    private static Guid IdFor(string path, Guid organization, Guid contact, Guid deal, Guid task, Guid webhook, Guid company, Guid customField, Guid activity) => path.Split('/')[3] switch
    {
        "webhooks" => webhook,
        "organizations" => organization,
        "contacts" => contact,
        "deals" => deal,
        "tasks" => task,
        "companies" => company,
        "custom-fields" => customField,
        "activities" => activity,
        var resource => throw new InvalidOperationException($"No record for {{id}} of {resource} ({path})."),
    };

    private static JsonNode Resolve(JsonNode document, JsonNode schema) =>
        schema["$ref"] is { } reference
            ? document["components"]!["schemas"]![((string)reference!).Split('/')[^1]]!
            : schema;
}
