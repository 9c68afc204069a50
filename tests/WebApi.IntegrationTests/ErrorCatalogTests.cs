using System.Text.RegularExpressions;
using Crm.Domain.Errors;

namespace Crm.WebApi.IntegrationTests;

/// <summary>The document and the error catalog say the same: each code under its own status, every code documented.</summary>
public sealed partial class ErrorCatalogTests : ApiTest
{
    [Test]
    public async Task Every_code_the_document_lists_is_in_the_catalog_under_its_status()
    {
        var document = (await NewApi().GetAsync("/openapi/v1.json")).Json;
        var listed = 0;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                foreach (var (status, response) in operation!["responses"]!.AsObject().Where(r => r.Key[0] is '4' or '5'))
                {
                    foreach (Match code in BackQuoted().Matches((string?)response!["description"] ?? string.Empty))
                    {
                        ErrorCatalog.All.ShouldContain(
                            e => e.Code == code.Groups[1].Value && e.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) == status,
                            $"{method} {path} documents {code.Value} under {status}");
                        listed++;
                    }
                }
            }
        }

        listed.ShouldBeGreaterThan(100);
    }

    [Test]
    public async Task Every_code_of_the_catalog_is_documented_with_its_status_and_title()
    {
        var document = (await NewApi().GetAsync("/openapi/v1.json")).Json;
        var described = (string?)document["components"]!["schemas"]!["Problem"]!["properties"]!["code"]!["description"];

        described.ShouldNotBeNull();
        foreach (var error in ErrorCatalog.All.DistinctBy(e => e.Code))
        {
            described.ShouldContain($"`{error.Code}` ({error.Status}): {error.Title}");
        }
    }

    [Test]
    public async Task A_record_id_is_not_found_in_the_path_and_invalid_in_the_body_with_one_code()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var nowhere = Guid.NewGuid();

        (await api.GetAsync($"/api/v1/contacts/{nowhere}")).ShouldBeProblem(System.Net.HttpStatusCode.NotFound, "contact_not_found");
        (await api.PostAsync("/api/v1/deals", new { contact_id = nowhere, title = "Nobody" }))
            .ShouldBeProblem(System.Net.HttpStatusCode.BadRequest, "contact_not_found");
    }

    [GeneratedRegex("`([a-z_]+)`")]
    private static partial Regex BackQuoted();
}
