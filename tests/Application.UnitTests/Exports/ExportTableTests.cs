using Crm.Application.Companies.Common;
using Crm.Application.Deals.Common;
using Crm.Application.Exports.Common;
using Crm.Application.Tasks.Common;

namespace Crm.Application.UnitTests.Exports;

public sealed class ExportTableTests
{
    [Test]
    public void An_exports_columns_are_the_api_fields_in_snake_case_with_each_reference_followed_by_its_records_name()
    {
        var columns = ExportTable<DealDto>.Columns.Select(c => c.Name).ToList();

        columns.ShouldContain("id");
        columns.ShouldContain("title");
        columns.ShouldContain("created_at");
        columns.IndexOf("contact_name").ShouldBe(columns.IndexOf("contact_id") + 1);
        columns.IndexOf("company_name").ShouldBe(columns.IndexOf("company_id") + 1);
        columns.IndexOf("owner_email").ShouldBe(columns.IndexOf("owner_id") + 1);
        columns.ShouldBeUnique();
        ExportTable<DealDto>.Columns.Single(c => c.Name == "contact_name").NameOf.ShouldBe(ExportRelated.Contact);
        ExportTable<DealDto>.Columns.Single(c => c.Name == "title").NameOf.ShouldBeNull();
    }

    [Test]
    public void A_nested_record_is_flattened_into_dotted_columns_and_read_through_its_parent()
    {
        var columns = ExportTable<CompanyDto>.Columns;

        columns.Select(c => c.Name).ShouldContain("address.city");
        columns.Select(c => c.Name).ShouldContain("address.postal_code");
        columns.Select(c => c.Name).ShouldNotContain("address");
        var city = columns.Single(c => c.Name == "address.city");
        city.Read(Company(new CompanyAddressDto(City: "London"))).ShouldBe("London");
        city.Read(Company(null!)).ShouldBeNull();
        columns.Select(c => c.Name).ShouldNotContain("version", "what the API does not show, an export does not either");
    }

    private static CompanyDto Company(CompanyAddressDto address) => new()
    {
        Id = Guid.NewGuid(),
        OwnerId = Guid.NewGuid(),
        Name = "Acme",
        Domain = null,
        Industry = null,
        EmployeeCount = null,
        Website = null,
        Phone = null,
        Address = address,
        Tags = [],
        CustomFields = new Dictionary<string, System.Text.Json.JsonElement>(),
        CreatedAt = DateTime.UtcNow,
        UpdatedAt = DateTime.UtcNow,
    };

    [Test]
    public void A_tasks_assignee_and_deal_are_named_beside_their_ids()
    {
        var columns = ExportTable<TaskDto>.Columns.Select(c => c.Name).ToList();

        columns.IndexOf("assignee_email").ShouldBe(columns.IndexOf("assignee_id") + 1);
        columns.IndexOf("deal_title").ShouldBe(columns.IndexOf("deal_id") + 1);
    }
}
