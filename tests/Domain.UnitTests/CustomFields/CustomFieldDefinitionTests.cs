using System.Text.Json;
using Crm.Domain.Contacts;
using Crm.Domain.Contacts.Events;
using Crm.Domain.CustomFields;
using Crm.Domain.CustomFields.Rules;
using Crm.Domain.Errors;
using Crm.Domain.Organizations;
using static Crm.Domain.UnitTests.RuleAssert;

namespace Crm.Domain.UnitTests.CustomFields;

public sealed class CustomFieldDefinitionTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Owner = new(Guid.NewGuid(), MemberRole.Owner);

    private static CustomFieldShape Shape(CustomFieldType type, string[]? options = null, string? currency = null, bool required = false) =>
        new("Label", type, options ?? [], currency, required, 0);

    private static (object? Value, string? Refusal) Read(CustomFieldType type, string json, string[]? options = null) =>
        CustomFieldValues.Read(Shape(type, options, type == CustomFieldType.Currency ? "EUR" : null), JsonDocument.Parse(json).RootElement);

    [TestCase("tier", true)]
    [TestCase("annual_revenue_2026", true)]
    [TestCase("Tier", false)]
    [TestCase("2tier", false)]
    [TestCase("tier-x", false)]
    [TestCase("_tier", false)]
    [TestCase("", false)]
    public void A_key_is_snake_case(string key, bool valid) => CustomFieldKeyIsValid.IsValid(key).ShouldBe(valid);

    [Test]
    public void Only_owners_and_admins_define_fields_and_a_definition_checks_its_key_and_shape()
    {
        var organization = Guid.NewGuid();
        AssertBrokenRule(() => CustomFieldDefinition.Define(organization, new Actor(Guid.NewGuid(), MemberRole.Manager), CustomFieldRecordType.Contact, "tier", Shape(CustomFieldType.Text), Now), "insufficient_role", ErrorKind.Forbidden);
        AssertBrokenRule(() => CustomFieldDefinition.Define(organization, Owner, CustomFieldRecordType.Contact, "Tier", Shape(CustomFieldType.Text), Now), "validation_failed", ErrorKind.Invalid);
        AssertBrokenRule(() => CustomFieldDefinition.Define(organization, Owner, CustomFieldRecordType.Contact, "tier", Shape(CustomFieldType.Select), Now), "validation_failed", ErrorKind.Invalid);
        AssertBrokenRule(() => CustomFieldDefinition.Define(organization, Owner, CustomFieldRecordType.Contact, "tier", Shape(CustomFieldType.Select, ["a", "A"]), Now), "validation_failed", ErrorKind.Invalid);
        AssertBrokenRule(() => CustomFieldDefinition.Define(organization, Owner, CustomFieldRecordType.Contact, "tier", Shape(CustomFieldType.Text, ["a"]), Now), "validation_failed", ErrorKind.Invalid);
        AssertBrokenRule(() => CustomFieldDefinition.Define(organization, Owner, CustomFieldRecordType.Contact, "budget", Shape(CustomFieldType.Currency, currency: "eur"), Now), "validation_failed", ErrorKind.Invalid);

        var field = CustomFieldDefinition.Define(organization, Owner, CustomFieldRecordType.Deal, "tier", Shape(CustomFieldType.Select, [" gold ", "silver"]), Now);

        field.Options.ShouldBe(["gold", "silver"]);
        field.Change(Owner, field.Shape with { Label = "Label" }, Now.AddDays(1)).ShouldBeFalse();
        field.Change(Owner, field.Shape with { Type = CustomFieldType.Text, Options = [] }, Now.AddDays(1)).ShouldBeTrue();
        field.Options.ShouldBeEmpty();
        field.UpdatedAt.ShouldBe(Now.AddDays(1));
    }

    [Test]
    public void Values_are_read_by_type_and_refused_with_a_reason_when_they_do_not_fit()
    {
        Read(CustomFieldType.Text, "\" gold \"").Value.ShouldBe("gold");
        Read(CustomFieldType.Text, "\"a\\nb\"").Refusal.ShouldNotBeNull();
        Read(CustomFieldType.LongText, "\"a\\nb\"").Value.ShouldBe("a\nb");
        Read(CustomFieldType.Text, "12").Refusal.ShouldNotBeNull();
        Read(CustomFieldType.Number, "12.50").Value.ShouldBe(12.5m);
        Read(CustomFieldType.Number, "\"12\"").Refusal.ShouldNotBeNull();
        Read(CustomFieldType.Number, "1e20").Refusal.ShouldNotBeNull();
        Read(CustomFieldType.Currency, "10.25").Value.ShouldBe(10.25m);
        Read(CustomFieldType.Currency, "10.255").Refusal.ShouldNotBeNull();
        Read(CustomFieldType.Date, "\"2027-02-28\"").Value.ShouldBe("2027-02-28");
        Read(CustomFieldType.Date, "\"2027-02-30\"").Refusal.ShouldNotBeNull();
        Read(CustomFieldType.Date, "\"2027-02-28T10:00:00Z\"").Refusal.ShouldNotBeNull();
        Read(CustomFieldType.Boolean, "false").Value.ShouldBe(false);
        Read(CustomFieldType.Boolean, "\"true\"").Refusal.ShouldNotBeNull();
        Read(CustomFieldType.Select, "\"gold\"", ["gold"]).Value.ShouldBe("gold");
        Read(CustomFieldType.Select, "\"Gold\"", ["gold"]).Refusal.ShouldNotBeNull();
        Read(CustomFieldType.MultiSelect, "[\"b\",\"a\",\"b\"]", ["a", "b"]).Value.ShouldBe(new[] { "b", "a" });
        Read(CustomFieldType.MultiSelect, "[\"c\"]", ["a", "b"]).Refusal.ShouldNotBeNull();
        Read(CustomFieldType.MultiSelect, "\"a\"", ["a"]).Refusal.ShouldNotBeNull();
        Read(CustomFieldType.Url, "\"https://example.com/x\"").Value.ShouldBe("https://example.com/x");
        Read(CustomFieldType.Url, "\"javascript:alert(1)\"").Refusal.ShouldNotBeNull();
        Read(CustomFieldType.Email, "\"ada@example.com\"").Value.ShouldBe("ada@example.com");
        Read(CustomFieldType.Email, "\"Ada <ada@example.com>\"").Refusal.ShouldNotBeNull();
        var user = Guid.NewGuid();
        Read(CustomFieldType.User, $"\"{user.ToString().ToUpperInvariant()}\"").Value.ShouldBe(user.ToString());
        Read(CustomFieldType.User, "\"someone\"").Refusal.ShouldNotBeNull();
    }

    [Test]
    public void A_new_type_accepts_a_stored_value_only_when_the_value_is_one_of_its_own_as_it_is()
    {
        static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

        CustomFieldDefinition.Accepts(Shape(CustomFieldType.LongText), Json("\"gold\"")).ShouldBeTrue();
        CustomFieldDefinition.Accepts(Shape(CustomFieldType.Url), Json("\"gold\"")).ShouldBeFalse();
        CustomFieldDefinition.Accepts(Shape(CustomFieldType.Number), Json("\"12\"")).ShouldBeFalse();
        CustomFieldDefinition.Accepts(Shape(CustomFieldType.Currency, currency: "EUR"), Json("12.5")).ShouldBeTrue();
        CustomFieldDefinition.Accepts(Shape(CustomFieldType.Currency, currency: "EUR"), Json("12.555")).ShouldBeFalse();
        CustomFieldDefinition.Accepts(Shape(CustomFieldType.Select, ["gold"]), Json("\"silver\"")).ShouldBeFalse();
        CustomFieldDefinition.Accepts(Shape(CustomFieldType.Text), Json("[\"a\"]")).ShouldBeFalse();
    }

    [Test]
    public void Filter_values_are_read_from_query_text_as_the_stored_values_would_be()
    {
        CustomFieldValues.ReadFilter(Shape(CustomFieldType.Number), "12.50").Value.ShouldBe(12.5m);
        CustomFieldValues.ReadFilter(Shape(CustomFieldType.Currency, currency: "EUR"), "0.125").Value.ShouldBe(0.125m);
        CustomFieldValues.ReadFilter(Shape(CustomFieldType.Number), "many").Refusal.ShouldNotBeNull();
        CustomFieldValues.ReadFilter(Shape(CustomFieldType.Boolean), "true").Value.ShouldBe(true);
        CustomFieldValues.ReadFilter(Shape(CustomFieldType.Boolean), "yes").Refusal.ShouldNotBeNull();
        CustomFieldValues.ReadFilter(Shape(CustomFieldType.MultiSelect, ["eu"]), "eu").Value.ShouldBe(new[] { "eu" });
        CustomFieldValues.ReadFilter(Shape(CustomFieldType.Date), "2027-1-1").Refusal.ShouldNotBeNull();
    }

    [Test]
    public void A_record_merges_values_clears_nulls_and_reports_each_changed_key()
    {
        var contact = Contact.Create(Guid.NewGuid(), Owner, null, "Ada", null, null, Now, customFields: new Dictionary<string, object?> { ["tier"] = "gold", ["seats"] = 3m });
        contact.ClearDomainEvents();

        contact.Update(Owner, new ContactChanges(CustomFields: new Dictionary<string, object?> { ["seats"] = 3.0m, ["tier"] = null, ["renewal"] = "2027-01-01" }), Now);

        var changes = contact.DomainEvents.OfType<ContactUpdated>().Single().Changes;
        changes.Select(c => c.Field).ShouldBe(["custom_fields.renewal", "custom_fields.tier"]);
        changes[1].From.ShouldBeOfType<JsonElement>().GetString().ShouldBe("gold");
        changes[1].To.ShouldBeNull();
        JsonDocument.Parse(contact.CustomFields).RootElement.EnumerateObject().Select(p => p.Name).Order().ShouldBe(["renewal", "seats"]);

        contact.ClearDomainEvents();
        contact.Update(Owner, new ContactChanges(CustomFields: new Dictionary<string, object?> { ["only"] = "x" }, ReplaceCustomFields: true), Now);
        JsonDocument.Parse(contact.CustomFields).RootElement.EnumerateObject().Select(p => p.Name).ShouldBe(["only"]);
        contact.DomainEvents.OfType<ContactUpdated>().Single().Changes.Count.ShouldBe(3);
    }

}
