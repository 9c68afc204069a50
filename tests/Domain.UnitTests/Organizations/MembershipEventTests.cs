using Crm.Domain.Common;
using Crm.Domain.Organizations;
using Crm.Domain.Organizations.Events;

namespace Crm.Domain.UnitTests.Organizations;

public sealed class MembershipEventTests
{
    private static readonly DateTime Created = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);

    [Test]
    public void Joining_leaving_and_being_removed_are_announced_with_who_acted()
    {
        var ownerId = Guid.NewGuid();
        var owner = new Actor(ownerId, MemberRole.Owner);
        var organization = Organization.Create("Acme", null, ownerId, Created);
        var joiner = Guid.NewGuid();
        var leaver = Guid.NewGuid();

        organization.Admit(joiner, MemberRole.Member, Created.AddHours(1));
        organization.AddMember(owner, leaver, MemberRole.Admin, Created.AddHours(2));
        organization.RemoveMember(new Actor(leaver, MemberRole.Admin), leaver, Created.AddHours(3));
        organization.RemoveMember(owner, joiner, Created.AddHours(4));

        organization.DomainEvents.ShouldBe(
        [
            new MemberAdded(organization.Id, joiner, joiner),
            new MemberAdded(organization.Id, leaver, ownerId),
            new MemberRemoved(organization.Id, leaver, MemberRole.Admin, Created.AddHours(2), leaver),
            new MemberRemoved(organization.Id, joiner, MemberRole.Member, Created.AddHours(1), ownerId),
        ]);
    }

    [Test]
    public void A_refused_removal_announces_nothing()
    {
        var ownerId = Guid.NewGuid();
        var organization = Organization.Create("Acme", null, ownerId, Created);

        Should.Throw<BusinessRuleException>(() => organization.RemoveMember(new Actor(ownerId, MemberRole.Owner), ownerId, Created));

        organization.DomainEvents.ShouldBeEmpty();
    }
}
