using Crm.Domain.Common;
using Crm.Domain.Contacts;
using Crm.Domain.Contacts.Events;
using Crm.Domain.Organizations;

namespace Crm.Domain.UnitTests.Contacts;

public sealed class ContactEventTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Manager = new(Guid.NewGuid(), MemberRole.Manager);

    [Test]
    public void Creating_a_contact_announces_it()
    {
        var contact = Contact.Create(Guid.NewGuid(), Manager, null, "Ada", null, null, Now);

        var created = contact.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<ContactCreated>();
        created.ContactId.ShouldBe(contact.Id);
        created.ActorId.ShouldBe(Manager.UserId);
    }

    [Test]
    public void An_update_announces_each_changed_field_with_its_old_and_new_value_and_nothing_when_nothing_changed()
    {
        var contact = Contact.Create(Guid.NewGuid(), Manager, null, "Ada", "ada@example.com", null, Now);
        contact.ClearDomainEvents();
        var newOwner = Guid.NewGuid();

        contact.Update(Manager, new ContactChanges(Name: "Ada King", Email: "ada@example.com", Phone: "+44 20", OwnerId: newOwner), Now);
        contact.Update(Manager, new ContactChanges(Name: "Ada King"), Now);

        var updated = contact.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<ContactUpdated>();
        updated.Changes.Select(c => (c.Field, c.From, c.To)).ShouldBe(
        [
            ("name", (object?)"Ada", (object?)"Ada King"),
            ("phone", null, "+44 20"),
            ("owner_id", Manager.UserId, newOwner),
        ]);
    }

    [Test]
    public void Deleting_a_contact_is_announced_only_to_whoever_may_change_it()
    {
        var contact = Contact.Create(Guid.NewGuid(), Manager, null, "Ada", null, null, Now);
        contact.ClearDomainEvents();

        Should.Throw<BusinessRuleException>(() => contact.Delete(new Actor(Guid.NewGuid(), MemberRole.Member)));
        contact.DomainEvents.ShouldBeEmpty();

        contact.Delete(Manager);
        contact.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<ContactDeleted>().ContactId.ShouldBe(contact.Id);
    }
}
