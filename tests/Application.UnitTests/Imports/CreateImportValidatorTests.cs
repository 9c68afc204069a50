using Crm.Application.Imports.Commands.CreateImport;
using Crm.Application.Imports.Common;
using Crm.Domain.Imports;

namespace Crm.Application.UnitTests.Imports;

public sealed class CreateImportValidatorTests
{
    private static readonly CreateImportValidator Validator = new();

    private static CreateImportCommand Command(Dictionary<string, string> mapping) =>
        new(ImportRecordType.Contacts, mapping, ImportMode.Create, null, false, null, "contacts.csv", 10, Stream.Null);

    [Test]
    public void A_mapping_of_columns_to_distinct_fields_is_accepted()
    {
        Validator.Validate(Command(new() { ["Full name"] = "name", ["E-mail"] = "email", ["Tier"] = "cf.tier" })).IsValid.ShouldBeTrue();
    }

    [Test]
    public void An_empty_mapping_or_two_columns_for_one_field_or_a_blank_field_is_refused()
    {
        Validator.Validate(Command([])).Errors.ShouldContain(e => e.PropertyName == "Mapping");
        Validator.Validate(Command(new() { ["a"] = "name", ["b"] = "name" })).Errors.ShouldContain(e => e.PropertyName == "Mapping");
        Validator.Validate(Command(new() { ["a"] = " " })).Errors.ShouldContain(e => e.PropertyName == "Mapping");
    }

    [Test]
    public void A_custom_field_is_named_with_its_prefix_and_the_match_field_follows_match_on()
    {
        ImportFields.CustomFieldKey("cf.tier").ShouldBe("tier");
        ImportFields.CustomFieldKey("name").ShouldBeNull();
        ImportFields.MatchField(ImportMatch.Email).ShouldBe("email");
        ImportFields.MatchField(ImportMatch.ExternalId).ShouldBe("external_id");
    }

    [Test]
    public void Companies_are_matched_on_their_domain_and_contacts_on_email_or_external_id()
    {
        var mapping = new Dictionary<string, string> { ["Web"] = "domain" };
        Validator.Validate(new CreateImportCommand(ImportRecordType.Companies, mapping, ImportMode.Upsert, ImportMatch.Domain, false, null, "c.csv", 10, Stream.Null))
            .IsValid.ShouldBeTrue();
        Validator.Validate(new CreateImportCommand(ImportRecordType.Companies, mapping, ImportMode.Upsert, ImportMatch.Email, false, null, "c.csv", 10, Stream.Null))
            .Errors.ShouldContain(e => e.PropertyName == "MatchOn");
        Validator.Validate(new CreateImportCommand(ImportRecordType.Contacts, mapping, ImportMode.Upsert, ImportMatch.Domain, false, null, "c.csv", 10, Stream.Null))
            .Errors.ShouldContain(e => e.PropertyName == "MatchOn");
        ImportFields.Matches(ImportRecordType.Companies).ShouldBe([ImportMatch.Domain]);
        ImportFields.MatchField(ImportMatch.Domain).ShouldBe("domain");
        ImportFields.Of(ImportRecordType.Companies).ShouldContain("address_country");
        ImportFields.Of(ImportRecordType.Companies).ShouldNotContain("email");
        ImportFields.CustomFieldsOf(ImportRecordType.Companies).ShouldBe(Domain.CustomFields.CustomFieldRecordType.Company);
    }
}
