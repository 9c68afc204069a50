using Crm.Domain.Contacts;
using Crm.Domain.Errors;
using Crm.Domain.Organizations;
using static Crm.Domain.UnitTests.RuleAssert;

namespace Crm.Domain.UnitTests.Contacts;

public sealed class ContactTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);

    [Test]
    public void A_contact_belongs_to_its_creator_unless_a_manager_names_another_owner()
    {
        var member = new Actor(Guid.NewGuid(), MemberRole.Member);
        var manager = new Actor(Guid.NewGuid(), MemberRole.Manager);
        var other = Guid.NewGuid();

        Contact.Create(Guid.NewGuid(), member, null, " Ada ", "Ada@Example.com ", null, Now).ShouldSatisfyAllConditions(
            c => c.OwnerId.ShouldBe(member.UserId),
            c => c.Name.ShouldBe("Ada"),
            c => c.Email.ShouldBe("Ada@Example.com"),
            c => c.NormalizedEmail.ShouldBe("ADA@EXAMPLE.COM"));
        Contact.Create(Guid.NewGuid(), manager, other, "Ada", null, null, Now).OwnerId.ShouldBe(other);
        AssertBrokenRule(() => Contact.Create(Guid.NewGuid(), member, other, "Ada", null, null, Now), "owner_assignment_forbidden", ErrorKind.Forbidden);
    }

    [Test]
    public void An_update_changes_only_the_given_fields_and_clears_optional_ones_set_to_null()
    {
        var actor = new Actor(Guid.NewGuid(), MemberRole.Owner);
        var contact = Contact.Create(Guid.NewGuid(), actor, null, "Ada", "ada@example.com", "+44 1234 5678", Now);

        contact.Update(actor, new ContactChanges(Email: (string?)null), Now.AddHours(1));

        contact.Name.ShouldBe("Ada");
        contact.Email.ShouldBeNull();
        contact.NormalizedEmail.ShouldBeNull();
        contact.Phone.ShouldBe("+44 1234 5678");
        contact.UpdatedAt.ShouldBe(Now.AddHours(1));
    }

    [Test]
    public void A_member_cannot_change_someone_elses_contact()
    {
        var owner = new Actor(Guid.NewGuid(), MemberRole.Member);
        var member = new Actor(Guid.NewGuid(), MemberRole.Member);
        var contact = Contact.Create(Guid.NewGuid(), owner, null, "Ada", null, null, Now);

        AssertBrokenRule(() => contact.Update(member, new ContactChanges(Name: "Eve"), Now), "not_record_owner", ErrorKind.Forbidden);
        contact.Name.ShouldBe("Ada");
    }

    [Test]
    public void An_external_id_is_kept_exactly_as_sent_and_changes_or_clears_only_when_set()
    {
        var actor = new Actor(Guid.NewGuid(), MemberRole.Owner);
        var contact = Contact.Create(Guid.NewGuid(), actor, null, "Ada", null, null, Now, " SF-1 ");
        contact.ExternalId.ShouldBe(" SF-1 ");

        contact.Update(actor, new ContactChanges(Name: "Ada L."), Now);
        contact.ExternalId.ShouldBe(" SF-1 ");
        contact.Update(actor, new ContactChanges(ExternalId: "sf-2"), Now);
        contact.ExternalId.ShouldBe("sf-2");
        contact.Update(actor, new ContactChanges(ExternalId: (string?)null), Now);
        contact.ExternalId.ShouldBeNull();
    }
}
