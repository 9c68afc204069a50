using Crm.Domain.Auditing;
using Crm.Domain.CustomFields;
using Crm.Domain.Imports;
using Crm.Domain.Organizations;
using Crm.Infrastructure.Imports;

namespace Crm.Infrastructure.UnitTests.Imports;

public sealed class CompanyRowChecksTests
{
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly Guid Member = Guid.NewGuid();

    private static readonly string[] Headers = ["Company", "Web", "Employees", "City", "Country", "Tier", "Owner", "Tags"];

    private static CompanyRowChecks Checks(ImportMode mode = ImportMode.Upsert, bool tierRequired = false)
    {
        var job = new ClaimedImport(
            Guid.NewGuid(), Guid.NewGuid(), Owner, ActorType.User, ImportRecordType.Companies, ImportFileFormat.Csv, "key", "companies.csv",
            Headers,
            new Dictionary<string, string>
            {
                ["Company"] = "name",
                ["Web"] = "domain",
                ["Employees"] = "employee_count",
                ["City"] = "address_city",
                ["Country"] = "address_country",
                ["Tier"] = "cf.tier",
                ["Owner"] = "owner_email",
                ["Tags"] = "tags",
            },
            mode, ImportMatch.Domain, false, null, 0, 10, 1);
        var fields = new Dictionary<string, CustomFieldShape>
        {
            ["tier"] = new("Tier", CustomFieldType.Select, ["gold", "silver"], null, tierRequired, 0),
        };
        var members = new Dictionary<string, Guid> { ["OWNER@EXAMPLE.COM"] = Owner, ["MEMBER@EXAMPLE.COM"] = Member };
        return new CompanyRowChecks(job, new Actor(Owner, MemberRole.Owner), DateTime.UtcNow, fields, members);
    }

    [Test]
    public void A_good_row_becomes_a_company_with_its_domain_normalised_and_says_which_fields_it_gave()
    {
        var row = Checks().Check(2, ["Acme", "https://www.Acme.example/about", "1,200", "Berlin", "de", "gold", "member@example.com", "a;b"]);

        row.FailedCode.ShouldBeNull(row.FailedDetail);
        row.Company!.Domain.ShouldBe("acme.example");
        row.Company.EmployeeCount.ShouldBe(1200);
        row.Company.Address!.City.ShouldBe("Berlin");
        row.Company.Address.Country.ShouldBe("DE");
        row.Company.OwnerId.ShouldBe(Member);
        row.Company.Tags.ShouldBe(["a", "b"]);
        row.Company.CustomFields.ShouldContain("\"tier\":\"gold\"");
        (row.NameGiven, row.DomainGiven, row.EmployeeCountGiven, row.AddressGiven, row.OwnerGiven, row.TagsGiven, row.IndustryGiven)
            .ShouldBe((true, true, true, true, true, true, false));
    }

    [Test]
    public void A_row_fails_with_a_code_for_each_rule_it_breaks()
    {
        var checks = Checks();

        checks.Check(2, ["No Domain", "", "", "", "", "", "", ""]).FailedCode.ShouldBe("import_match_key_missing");
        checks.Check(3, ["Bad", "not a domain", "", "", "", "", "", ""]).FailedCode.ShouldBe("validation_failed");
        checks.Check(4, ["Count", "count.example", "lots", "", "", "", "", ""]).FailedDetail!.ShouldContain("employee_count");
        checks.Check(5, ["Country", "country.example", "", "", "Narnia", "", "", ""]).FailedCode.ShouldBe("validation_failed");
        checks.Check(6, ["Tier", "tier.example", "", "", "", "platinum", "", ""]).FailedDetail!.ShouldContain("custom_fields.tier");
        checks.Check(7, ["Owner", "owner.example", "", "", "", "", "stranger@example.com", ""]).FailedCode.ShouldBe("user_not_member");
        checks.Check(8, ["First", "dup.example", "", "", "", "", "", ""]).FailedCode.ShouldBeNull();
        var duplicate = checks.Check(9, ["Second", "https://DUP.example", "", "", "", "", "", ""]);
        duplicate.FailedCode.ShouldBe("import_duplicate_row");
        duplicate.FailedDetail!.ShouldContain("Row 8");
    }

    [Test]
    public void Creating_needs_a_name_but_an_upsert_row_may_leave_it_to_the_matched_company_and_required_fields_are_noted()
    {
        Checks(ImportMode.Create).Check(2, ["", "a.example", "", "", "", "", "", ""]).FailedCode.ShouldBe("validation_failed");
        var upsert = Checks(ImportMode.Upsert, tierRequired: true).Check(2, ["", "a.example", "", "", "", "", "", ""]);
        upsert.FailedCode.ShouldBeNull();
        upsert.NameGiven.ShouldBeFalse();
        upsert.MissingRequired.ShouldBe("custom_fields.tier: is required");
    }
}
