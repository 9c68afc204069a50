using System.Text.Json;
using Crm.Application.Common.Exceptions;
using Crm.Application.CustomFields.Common;
using Crm.Domain.Contacts;
using Crm.Domain.CustomFields;
using Crm.Domain.Organizations;
using Moq;

namespace Crm.Application.UnitTests.CustomFields;

public sealed class CustomFieldInputTests
{
    private static readonly Guid OrganizationId = Guid.NewGuid();

    private static CustomFieldDto Field(string key, CustomFieldType type, bool required = false, string[]? options = null, CustomFieldRecordType recordType = CustomFieldRecordType.Contact) =>
        new(Guid.NewGuid(), recordType, key, key, type, options ?? [], null, required, 0, DateTime.UtcNow, DateTime.UtcNow);

    private static Dictionary<string, JsonElement> Sent(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;

    private static CustomFieldInput Input(params CustomFieldDto[] fields) => CustomFieldFakes.Input(new InMemoryReadStore(), fields);

    [Test]
    public async Task Values_come_back_as_the_record_stores_them_and_nothing_sent_is_nothing_to_change()
    {
        var input = Input(Field("tier", CustomFieldType.Select, options: ["gold"]), Field("seats", CustomFieldType.Number));

        var values = await input.ReadAsync(OrganizationId, CustomFieldRecordType.Contact, Sent("""{"tier": "gold", "seats": 4.50}"""), CustomFieldWrite.Create, CancellationToken.None);

        values!["tier"].ShouldBe("gold");
        values["seats"].ShouldBe(4.5m);
        (await Input().ReadAsync(OrganizationId, CustomFieldRecordType.Contact, null, CustomFieldWrite.Create, CancellationToken.None)).ShouldBeNull();
    }

    [Test]
    public async Task Keys_of_another_record_type_or_unknown_are_refused_each_by_name()
    {
        var input = Input(Field("tier", CustomFieldType.Text, recordType: CustomFieldRecordType.Deal));

        var error = await Should.ThrowAsync<ValidationException>(() =>
            input.ReadAsync(OrganizationId, CustomFieldRecordType.Contact, Sent("""{"tier": "gold", "other": 1}"""), CustomFieldWrite.Merge, CancellationToken.None));

        error.Errors.Keys.Order().ShouldBe(["custom_fields.other", "custom_fields.tier"]);
    }

    [Test]
    public async Task A_required_field_is_needed_on_create_and_on_replace_and_a_merge_may_not_clear_it()
    {
        var input = Input(Field("source", CustomFieldType.Text, required: true), Field("note", CustomFieldType.Text));

        foreach (var write in new[] { CustomFieldWrite.Create, CustomFieldWrite.Replace })
        {
            (await Should.ThrowAsync<ValidationException>(() =>
                input.ReadAsync(OrganizationId, CustomFieldRecordType.Contact, Sent("""{"note": "x"}"""), write, CancellationToken.None)))
                .Errors.Keys.ShouldBe(["custom_fields.source"]);
        }

        (await input.ReadAsync(OrganizationId, CustomFieldRecordType.Contact, Sent("""{"note": null}"""), CustomFieldWrite.Merge, CancellationToken.None))!["note"].ShouldBeNull();
        (await Should.ThrowAsync<ValidationException>(() =>
            input.ReadAsync(OrganizationId, CustomFieldRecordType.Contact, Sent("""{"source": null}"""), CustomFieldWrite.Merge, CancellationToken.None)))
            .Errors["custom_fields.source"].ShouldHaveSingleItem();
    }

    [Test]
    public async Task A_user_value_must_name_a_member_of_the_organization()
    {
        var member = Guid.NewGuid();
        var organization = Organization.Create("Org", "USD", member, DateTime.UtcNow);
        var store = new InMemoryReadStore().With(organization.Memberships.First());
        var input = CustomFieldFakes.Input(store, Field("manager", CustomFieldType.User));

        (await input.ReadAsync(organization.Id, CustomFieldRecordType.Contact, Sent($$"""{"manager": "{{member}}"}"""), CustomFieldWrite.Create, CancellationToken.None))!["manager"]
            .ShouldBe(member.ToString());
        (await Should.ThrowAsync<ValidationException>(() =>
            input.ReadAsync(organization.Id, CustomFieldRecordType.Contact, Sent($$"""{"manager": "{{Guid.NewGuid()}}"}"""), CustomFieldWrite.Create, CancellationToken.None)))
            .Errors.Keys.ShouldBe(["custom_fields.manager"]);
    }

    [Test]
    public async Task List_filters_name_the_parameter_that_is_refused_and_resolve_the_others()
    {
        var filters = new Mock<ICustomFieldFilters>();
        filters.Setup(f => f.Equal<Contact>("tier", "gold")).Returns(c => true);
        var listing = new CustomFieldListing(
            CustomFieldFakes.Definitions(Field("tier", CustomFieldType.Text), Field("seats", CustomFieldType.Number)).Object, filters.Object);

        var error = await Should.ThrowAsync<ValidationException>(() => listing.ResolveAsync<Contact>(
            CustomFieldRecordType.Contact,
            [CustomFieldFilter.Parse("cf.tier.gte", "a")!, CustomFieldFilter.Parse("cf.seats", "many")!, CustomFieldFilter.Parse("cf.nope", "1")!],
            "nope",
            CancellationToken.None));
        error.Errors.Keys.Order().ShouldBe(["cf.nope", "cf.seats", "cf.tier.gte", "order_by"]);

        var criteria = await listing.ResolveAsync<Contact>(CustomFieldRecordType.Contact, [CustomFieldFilter.Parse("cf.tier", "gold")!], "seats", CancellationToken.None);
        criteria.Filters.ShouldHaveSingleItem();
        filters.Verify(f => f.SortKey<Contact>("seats"));
        CustomFieldFilter.Parse("tier", "gold").ShouldBeNull();
        CustomFieldFilter.Parse("cf.seats.lte", "3")!.Comparison.ShouldBe(CustomFieldComparison.AtMost);
    }
}
