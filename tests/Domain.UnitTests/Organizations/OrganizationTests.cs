using Crm.Domain.Errors;
using Crm.Domain.Organizations;
using static Crm.Domain.UnitTests.RuleAssert;

namespace Crm.Domain.UnitTests.Organizations;

public sealed class OrganizationTests
{
    private static readonly DateTime Created = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Later = Created.AddHours(1);

    private static readonly MemberRole[] AllRoles = Enum.GetValues<MemberRole>();

    [Test]
    public void A_new_organization_has_its_creator_as_sole_owner_and_USD_by_default()
    {
        var ownerId = Guid.NewGuid();

        var organization = Organization.Create("  Acme  ", null, ownerId, Created);

        organization.Name.ShouldBe("Acme");
        organization.DefaultCurrency.ShouldBe("USD");
        organization.Id.Version.ShouldBe(7);
        organization.Memberships.ShouldHaveSingleItem().Role.ShouldBe(MemberRole.Owner);
        organization.FindMember(ownerId)!.OrganizationId.ShouldBe(organization.Id);
    }

    [Test]
    public void An_organization_refuses_a_currency_that_is_not_ISO_4217() =>
        AssertBrokenRule(() => Organization.Create("Acme", "ABC", Guid.NewGuid(), Created), "invalid_currency", ErrorKind.Invalid);

    [TestCase(MemberRole.Owner)]
    [TestCase(MemberRole.Admin)]
    public void Owner_and_admin_change_settings(MemberRole role)
    {
        var (organization, actors) = Team();

        organization.ChangeSettings(actors[role], "Renamed", "EUR", Later);

        organization.Name.ShouldBe("Renamed");
        organization.DefaultCurrency.ShouldBe("EUR");
        organization.UpdatedAt.ShouldBe(Later);
    }

    [TestCase(MemberRole.Manager)]
    [TestCase(MemberRole.Member)]
    public void Manager_and_member_cannot_change_settings(MemberRole role)
    {
        var (organization, actors) = Team();

        AssertBrokenRule(() => organization.ChangeSettings(actors[role], "Renamed", null, Later), "insufficient_role", ErrorKind.Forbidden);
        organization.Name.ShouldBe("Acme");
    }

    /// <summary>Who may add a member with which role: every pair of the actor's and the new member's role.</summary>
    [Test]
    public void Adding_a_member_follows_the_role_rules_for_every_pair_of_roles(
        [ValueSource(nameof(AllRoles))] MemberRole actorRole, [ValueSource(nameof(AllRoles))] MemberRole newRole)
    {
        var (organization, actors) = Team();
        var newcomer = Guid.NewGuid();

        var add = () => organization.AddMember(actors[actorRole], newcomer, newRole, Later);

        if (!actorRole.IsAdministrator())
        {
            AssertBrokenRule(add, "insufficient_role", ErrorKind.Forbidden);
        }
        else if (newRole == MemberRole.Owner && actorRole != MemberRole.Owner)
        {
            AssertBrokenRule(add, "owner_role_required", ErrorKind.Forbidden);
        }
        else
        {
            add().Role.ShouldBe(newRole);
            organization.FindMember(newcomer).ShouldNotBeNull();
            organization.UpdatedAt.ShouldBe(Later);
            return;
        }

        organization.FindMember(newcomer).ShouldBeNull();
        organization.UpdatedAt.ShouldBe(Created);
    }

    [Test]
    public void Adding_an_existing_member_is_a_conflict()
    {
        var (organization, actors) = Team();

        AssertBrokenRule(
            () => organization.AddMember(actors[MemberRole.Owner], actors[MemberRole.Member].UserId, MemberRole.Admin, Later),
            "member_exists",
            ErrorKind.Conflict);
    }

    /// <summary>
    /// Changing the role of a member of each role to each role, by an actor of each role; the organization has a
    /// second owner so that the last-owner rule does not hide the others.
    /// </summary>
    [Test]
    public void Changing_a_role_follows_the_role_rules_for_every_combination(
        [ValueSource(nameof(AllRoles))] MemberRole actorRole,
        [ValueSource(nameof(AllRoles))] MemberRole targetRole,
        [ValueSource(nameof(AllRoles))] MemberRole newRole)
    {
        var (organization, actors) = Team();
        var target = Guid.NewGuid();
        organization.AddMember(actors[MemberRole.Owner], target, targetRole, Created);

        var change = () => organization.ChangeMemberRole(actors[actorRole], target, newRole, Later);

        if (!actorRole.IsAdministrator())
        {
            AssertBrokenRule(change, "insufficient_role", ErrorKind.Forbidden);
            organization.FindMember(target)!.Role.ShouldBe(targetRole);
        }
        else if ((targetRole == MemberRole.Owner || newRole == MemberRole.Owner) && actorRole != MemberRole.Owner)
        {
            AssertBrokenRule(change, "owner_role_required", ErrorKind.Forbidden);
            organization.FindMember(target)!.Role.ShouldBe(targetRole);
        }
        else
        {
            change().Role.ShouldBe(newRole);
            organization.FindMember(target)!.UpdatedAt.ShouldBe(Later);
            organization.UpdatedAt.ShouldBe(Later);
        }
    }

    [TestCase(MemberRole.Admin)]
    [TestCase(MemberRole.Manager)]
    [TestCase(MemberRole.Member)]
    public void The_last_owner_cannot_be_demoted(MemberRole newRole)
    {
        var (organization, actors) = Team();
        var owner = actors[MemberRole.Owner];

        AssertBrokenRule(() => organization.ChangeMemberRole(owner, owner.UserId, newRole, Later), "last_owner", ErrorKind.Conflict);
        organization.FindMember(owner.UserId)!.Role.ShouldBe(MemberRole.Owner);
    }

    [Test]
    public void An_owner_may_step_down_once_there_is_another_owner()
    {
        var (organization, actors) = Team();
        var owner = actors[MemberRole.Owner];
        organization.ChangeMemberRole(owner, actors[MemberRole.Admin].UserId, MemberRole.Owner, Later);

        organization.ChangeMemberRole(owner, owner.UserId, MemberRole.Member, Later).Role.ShouldBe(MemberRole.Member);

        AssertBrokenRule(
            () => organization.RemoveMember(actors[MemberRole.Admin] with { Role = MemberRole.Owner }, actors[MemberRole.Admin].UserId, Later),
            "last_owner",
            ErrorKind.Conflict);
    }

    /// <summary>Removing a member of each role by an actor of each role (not itself).</summary>
    [Test]
    public void Removing_a_member_follows_the_role_rules_for_every_pair_of_roles(
        [ValueSource(nameof(AllRoles))] MemberRole actorRole, [ValueSource(nameof(AllRoles))] MemberRole targetRole)
    {
        var (organization, actors) = Team();
        var target = Guid.NewGuid();
        organization.AddMember(actors[MemberRole.Owner], target, targetRole, Created);

        var remove = () => organization.RemoveMember(actors[actorRole], target, Later);

        if (!actorRole.IsAdministrator())
        {
            AssertBrokenRule(remove, "insufficient_role", ErrorKind.Forbidden);
            organization.FindMember(target).ShouldNotBeNull();
        }
        else if (targetRole == MemberRole.Owner && actorRole != MemberRole.Owner)
        {
            AssertBrokenRule(remove, "owner_role_required", ErrorKind.Forbidden);
            organization.FindMember(target).ShouldNotBeNull();
        }
        else
        {
            remove();
            organization.FindMember(target).ShouldBeNull();
            organization.UpdatedAt.ShouldBe(Later);
        }
    }

    [TestCase(MemberRole.Admin)]
    [TestCase(MemberRole.Manager)]
    [TestCase(MemberRole.Member)]
    public void Any_member_may_leave(MemberRole role)
    {
        var (organization, actors) = Team();

        organization.RemoveMember(actors[role], actors[role].UserId, Later);

        organization.FindMember(actors[role].UserId).ShouldBeNull();
    }

    [Test]
    public void The_last_owner_cannot_leave()
    {
        var (organization, actors) = Team();
        var owner = actors[MemberRole.Owner];

        AssertBrokenRule(() => organization.RemoveMember(owner, owner.UserId, Later), "last_owner", ErrorKind.Conflict);
    }

    [Test]
    public void Changing_or_removing_someone_who_is_not_a_member_is_not_found()
    {
        var (organization, actors) = Team();
        var stranger = Guid.NewGuid();

        AssertBrokenRule(() => organization.ChangeMemberRole(actors[MemberRole.Owner], stranger, MemberRole.Admin, Later), "member_not_found", ErrorKind.NotFound);
        AssertBrokenRule(() => organization.RemoveMember(actors[MemberRole.Owner], stranger, Later), "member_not_found", ErrorKind.NotFound);
    }

    /// <summary>An organization with one member of each role, and each as an actor.</summary>
    private static (Organization Organization, Dictionary<MemberRole, Actor> Actors) Team()
    {
        var owner = new Actor(Guid.NewGuid(), MemberRole.Owner);
        var organization = Organization.Create("Acme", "USD", owner.UserId, Created);
        var actors = new Dictionary<MemberRole, Actor> { [MemberRole.Owner] = owner };
        foreach (var role in new[] { MemberRole.Admin, MemberRole.Manager, MemberRole.Member })
        {
            actors[role] = new Actor(Guid.NewGuid(), role);
            organization.AddMember(owner, actors[role].UserId, role, Created);
        }

        return (organization, actors);
    }
}
