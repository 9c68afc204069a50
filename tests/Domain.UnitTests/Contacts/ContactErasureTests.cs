using Crm.Domain.Contacts;
using Crm.Domain.Contacts.Events;
using Crm.Domain.Organizations;

namespace Crm.Domain.UnitTests.Contacts;

public sealed class ContactErasureTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Admin = new(Guid.NewGuid(), MemberRole.Admin);

    [Test]
    public void Erasing_clears_every_personal_field_keeps_owner_and_company_and_names_the_fields_never_their_values()
    {
        var company = Guid.NewGuid();
        var contact = Contact.Create(
            Guid.NewGuid(), Admin, null, "Grace Hopper", "grace@example.com", "+1 202 555 0143", Now, "sf-1", company, ["VIP"],
            new Dictionary<string, object?> { ["tier"] = "gold" });
        contact.ClearDomainEvents();

        var fields = contact.Erase(Admin, Now.AddDays(1));

        contact.Name.ShouldBe(Contact.ErasedName);
        contact.Email.ShouldBeNull();
        contact.NormalizedEmail.ShouldBeNull();
        contact.Phone.ShouldBeNull();
        contact.ExternalId.ShouldBeNull();
        contact.Tags.ShouldBeEmpty();
        contact.TagKeys.ShouldBeEmpty();
        contact.CustomFields.ShouldBe("{}");
        contact.CompanyId.ShouldBe(company);
        contact.OwnerId.ShouldBe(Admin.UserId);
        contact.UpdatedAt.ShouldBe(Now.AddDays(1));
        fields.ShouldBe(["name", "email", "phone", "external_id", "tags", "custom_fields.tier"], ignoreOrder: true);
        var erased = contact.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<ContactErased>();
        erased.Fields.ShouldBe(fields);
        erased.ActorId.ShouldBe(Admin.UserId);
    }

    [Test]
    public void Erasing_an_erased_contact_changes_and_announces_nothing()
    {
        var contact = Contact.Create(Guid.NewGuid(), Admin, null, "Grace Hopper", "grace@example.com", null, Now);
        contact.Erase(Admin, Now);
        contact.ClearDomainEvents();

        contact.Erase(Admin, Now.AddDays(1)).ShouldBeEmpty();

        contact.DomainEvents.ShouldBeEmpty();
        contact.UpdatedAt.ShouldBe(Now);
    }
}
