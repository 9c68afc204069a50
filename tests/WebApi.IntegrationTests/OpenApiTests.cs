using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

public sealed partial class OpenApiTests : ApiTest
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    [Test]
    public async Task The_served_document_is_the_committed_one()
    {
        var served = await ServedAsync();
        var committedPath = Path.Combine(RepositoryFiles.Root(), "build", "openapi", "v1.json");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(committedPath));

        JsonNode.DeepEquals(served, committed).ShouldBeTrue(
            "The API contract changed: build the WebApi project in Debug to regenerate build/openapi/v1.json and commit it.");
    }

    [Test]
    public async Task The_document_needs_no_token()
    {
        var reply = await NewApi().GetAsync("/openapi/v1.json");

        reply.Status.ShouldBe(HttpStatusCode.OK);
        ((string?)reply.Json["openapi"]).ShouldStartWith("3.");
    }

    [Test]
    public async Task Every_operation_has_a_stable_name_a_summary_and_its_problem_responses()
    {
        var document = await ServedAsync();
        var names = new List<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var method in Methods.Where(m => item![m] is not null))
            {
                var operation = item![method]!;
                var name = (string?)operation["operationId"];
                name.ShouldNotBeNull($"{method} {path}");
                name.ShouldMatch("^[A-Z][A-Za-z]+_[A-Z][A-Za-z]+$");
                names.Add(name);
                ((string?)operation["summary"]).ShouldNotBeNullOrWhiteSpace(name);
                var responses = operation["responses"]!.AsObject();
                responses.ShouldContainKey("500");
                foreach (var (status, response) in responses.Where(r => r.Key[0] is '4' or '5'))
                {
                    ((string?)response!["content"]!["application/problem+json"]!["schema"]!["$ref"]).ShouldBe("#/components/schemas/Problem", $"{name} {status}");
                }
            }
        }

        names.ShouldBeUnique();
        names.ShouldContain("Contacts_List");
        names.ShouldContain("Deals_Update");
    }

    [Test]
    public async Task Every_path_parameter_is_declared()
    {
        var document = await ServedAsync();

        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            var inPath = PathParameter().Matches(path).Select(m => m.Groups[1].Value).Order().ToList();
            foreach (var method in Methods.Where(m => item![m] is not null))
            {
                var declared = item![method]!["parameters"]?.AsArray()
                    .Where(p => (string?)p!["in"] == "path").Select(p => (string)p!["name"]!).Order().ToList() ?? [];
                declared.ShouldBe(inPath, $"{method} {path}");
            }
        }
    }

    [Test]
    public async Task Tenant_operations_take_the_organization_header_and_signed_in_ones_the_bearer_scheme()
    {
        var document = await ServedAsync();

        var listDeals = document["paths"]!["/api/v1/deals"]!["get"]!;
        listDeals["parameters"]!.AsArray().ShouldContain(p => (string?)p!["name"] == "X-Organization-Id" && (string?)p["in"] == "header" && (bool?)p["required"] == true);
        ((string)listDeals["responses"]!["400"]!["description"]!).ShouldContain("organization_header_required");
        // An access token, or an API key as a bearer credential or in X-Api-Key: either requirement suffices.
        listDeals["security"]!.AsArray().Select(r => r!.AsObject().Single().Key).ShouldBe(["bearer", "api_key"]);
        ((string?)document["components"]!["securitySchemes"]!["bearer"]!["scheme"]).ShouldBe("bearer");
        ((string?)document["components"]!["securitySchemes"]!["api_key"]!["name"]).ShouldBe("X-Api-Key");
        ((string)listDeals["responses"]!["401"]!["description"]!).ShouldContain("invalid_api_key");
        var me = document["paths"]!["/api/v1/auth/me"]!["get"]!;
        me["security"]!.AsArray().ShouldHaveSingleItem()!.AsObject().ShouldContainKey("bearer");
        ((string)me["responses"]!["403"]!["description"]!).ShouldContain("api_key_not_allowed");
        ((string)document["paths"]!["/api/v1/deals"]!["post"]!["responses"]!["403"]!["description"]!).ShouldContain("api_key_read_only");

        var login = document["paths"]!["/api/v1/auth/login"]!["post"]!;
        login["security"]!.AsArray().ShouldHaveSingleItem()!.AsObject().ShouldBeEmpty();
        login["parameters"]?.AsArray().ShouldNotContain(p => (string?)p!["name"] == "X-Organization-Id");
        ((string)login["responses"]!["429"]!["description"]!).ShouldContain("too_many_login_attempts");
    }

    [Test]
    public async Task Schemas_speak_snake_case_with_string_enums_real_numbers_and_dates()
    {
        var document = await ServedAsync();
        var schemas = document["components"]!["schemas"]!;

        var names = schemas.AsObject().SelectMany(s => s.Value!["properties"]?.AsObject().Select(p => p.Key) ?? []).ToList();
        names.ShouldNotBeEmpty();
        names.ShouldAllBe(n => SnakeCase().IsMatch(n));
        schemas["DealStatus"]!["enum"]!.AsArray().Select(v => (string?)v).ShouldBe(["new", "in_progress", "won", "lost"]);
        ((string?)schemas["Deal"]!["properties"]!["amount"]!["type"]).ShouldBe("number");
        ((string?)schemas["Deal"]!["properties"]!["id"]!["format"]).ShouldBe("uuid");
        ((string?)schemas["Task"]!["properties"]!["due_date"]!["format"]).ShouldBe("date");
        schemas["Deal"]!["required"]!.AsArray().Select(v => (string?)v).ShouldContain("title");
        schemas["UpdateDealRequest"]!["required"].ShouldBeNull();
        schemas["UpdateDealRequest"]!["properties"]!.AsObject().ShouldNotContainKey("id");
        schemas["CreateContactRequest"]!["required"]!.AsArray().Select(v => (string?)v).ShouldBe(["name"]);
        ((bool?)schemas["UpdateContactRequest"]!["properties"]!["phone"]!["nullable"]).ShouldBe(true);
    }

    [Test]
    public async Task Schema_names_read_as_the_APIs_words()
    {
        var names = (await ServedAsync())["components"]!["schemas"]!.AsObject().Select(s => s.Key).ToList();

        names.ShouldContain("CreateContactRequest");
        names.ShouldContain("Contact");
        names.ShouldContain("ContactPage");
        names.ShouldContain("OrganizationList");
        names.ShouldAllBe(n => ApiWord().IsMatch(n));
        names.ShouldNotContain(n => n.EndsWith("Command", StringComparison.Ordinal) || n.EndsWith("Query", StringComparison.Ordinal)
            || n.EndsWith("Dto", StringComparison.Ordinal) || n.Contains("Of", StringComparison.Ordinal));
    }

    [Test]
    public async Task The_main_request_bodies_carry_examples()
    {
        var document = await ServedAsync();

        foreach (var (path, method) in new[] { ("/api/v1/auth/register", "post"), ("/api/v1/deals", "post"), ("/api/v1/deals/{id}", "patch"), ("/api/v1/tasks", "post") })
        {
            document["paths"]![path]![method]!["requestBody"]!["content"]!["application/json"]!["example"].ShouldNotBeNull($"{method} {path}");
        }
    }

    [Test]
    public async Task The_docs_page_is_off_unless_configured_or_in_Development()
    {
        (await NewApi().GetAsync("/docs/index.html")).Status.ShouldBe(HttpStatusCode.NotFound);

        await using var development = new CrmApiFactory(Testing.Database.ConnectionString, "Development");
        var page = await development.CreateClient().GetAsync("/docs/index.html");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain("swagger");
    }

    private static async Task<JsonNode> ServedAsync() => (await NewApi().GetAsync("/openapi/v1.json")).Json;

    [GeneratedRegex("{([a-z_]+)}")]
    private static partial Regex PathParameter();

    [GeneratedRegex("^[A-Z][A-Za-z]*$")]
    private static partial Regex ApiWord();

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex SnakeCase();
}
