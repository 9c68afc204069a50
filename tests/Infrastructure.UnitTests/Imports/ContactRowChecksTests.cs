using Crm.Domain.Auditing;
using Crm.Domain.CustomFields;
using Crm.Domain.Imports;
using Crm.Domain.Organizations;
using Crm.Infrastructure.Imports;

namespace Crm.Infrastructure.UnitTests.Imports;

public sealed class ContactRowChecksTests
{
    private static readonly Guid Owner = Guid.NewGuid();

    private static ContactRowChecks Checks(ImportMatch match = ImportMatch.Email) => new(
        new ClaimedImport(
            Guid.NewGuid(), Guid.NewGuid(), Owner, ActorType.User, ImportRecordType.Contacts, ImportFileFormat.Csv, "key", "contacts.csv",
            ["Name", "Email", "External", "Domain", "Company"],
            new Dictionary<string, string>
            {
                ["Name"] = "name",
                ["Email"] = "email",
                ["External"] = "external_id",
                ["Domain"] = "company_domain",
                ["Company"] = "company_name",
            },
            ImportMode.Upsert, match, false, null, 0, 10, 1, CreateCompanies: true),
        new Actor(Owner, MemberRole.Owner), DateTime.UtcNow, new Dictionary<string, CustomFieldShape>(),
        new Dictionary<string, Guid> { ["OWNER@EXAMPLE.COM"] = Owner });

    [Test]
    public void The_company_a_row_names_is_kept_normalised_by_domain_and_as_written_by_name()
    {
        var row = Checks().Check(2, ["Ann", "ann@example.com", "", "https://www.ACME.example/team", "Acme GmbH"]);

        row.FailedCode.ShouldBeNull(row.FailedDetail);
        row.CompanyDomain.ShouldBe("acme.example");
        row.CompanyName.ShouldBe("Acme GmbH");
        row.Contact!.NormalizedEmail.ShouldBe("ANN@EXAMPLE.COM");
    }

    [Test]
    public void A_malformed_company_domain_or_an_overlong_company_name_fails_the_row_as_invalid()
    {
        var checks = Checks();

        checks.Check(2, ["Ann", "ann@example.com", "", "not a domain", ""]).FailedDetail!.ShouldContain("company_domain");
        checks.Check(3, ["Bob", "bob@example.com", "", "", new string('x', 201)]).FailedDetail!.ShouldContain("company_name");
    }

    [Test]
    public void Rows_matched_on_external_id_must_have_one_and_may_not_share_an_email()
    {
        var checks = Checks(ImportMatch.ExternalId);

        checks.Check(2, ["Ann", "ann@example.com", "", "", ""]).FailedCode.ShouldBe("import_match_key_missing");
        checks.Check(3, ["Ann", "ann@example.com", "A-1", "", ""]).FailedCode.ShouldBeNull();
        checks.Check(4, ["Ann Again", "ANN@example.com", "A-2", "", ""]).FailedCode.ShouldBe("import_duplicate_row");
        checks.Check(5, ["Ann Third", "third@example.com", "A-1", "", ""]).FailedCode.ShouldBe("import_duplicate_row");
    }
}
