using Crm.Domain.Errors;
using Crm.Domain.Organizations;
using Crm.Domain.Organizations.Rules;
using static Crm.Domain.UnitTests.RuleAssert;

namespace Crm.Domain.UnitTests.Organizations;

public sealed class TwoFactorRequirementTests
{
    private static readonly DateTime Created = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);

    [Test]
    public void A_new_organization_does_not_require_two_factor_sign_in() =>
        Organization.Create("Acme", null, Guid.NewGuid(), Created).RequireTwoFactor.ShouldBeFalse();

    [TestCase(MemberRole.Owner)]
    [TestCase(MemberRole.Admin)]
    public void An_administrator_with_two_factor_sign_in_requires_it_and_may_lift_it(MemberRole role)
    {
        var (organization, actor) = OrganizationWith(role);

        organization.ChangeTwoFactorRequirement(actor, required: true, actorUsesTwoFactor: true, Created.AddHours(1));
        organization.RequireTwoFactor.ShouldBeTrue();
        organization.UpdatedAt.ShouldBe(Created.AddHours(1));

        organization.ChangeTwoFactorRequirement(actor, required: false, actorUsesTwoFactor: true, Created.AddHours(2));
        organization.RequireTwoFactor.ShouldBeFalse();
    }

    [Test]
    public void An_administrator_without_two_factor_sign_in_cannot_require_it()
    {
        var (organization, actor) = OrganizationWith(MemberRole.Admin);

        AssertBrokenRule(
            () => organization.ChangeTwoFactorRequirement(actor, required: true, actorUsesTwoFactor: false, Created),
            "two_factor_needed_to_require", ErrorKind.Conflict);
        organization.RequireTwoFactor.ShouldBeFalse();
    }

    [Test]
    public void Lifting_the_requirement_does_not_need_two_factor_sign_in()
    {
        var (organization, actor) = OrganizationWith(MemberRole.Owner);
        organization.ChangeTwoFactorRequirement(actor, true, true, Created);

        organization.ChangeTwoFactorRequirement(actor, false, actorUsesTwoFactor: false, Created);

        organization.RequireTwoFactor.ShouldBeFalse();
    }

    [TestCase(MemberRole.Manager)]
    [TestCase(MemberRole.Member)]
    public void Managers_and_members_cannot_change_the_requirement(MemberRole role)
    {
        var (organization, actor) = OrganizationWith(role);

        AssertBrokenRule(
            () => organization.ChangeTwoFactorRequirement(actor, true, true, Created), "insufficient_role", ErrorKind.Forbidden);
    }

    [TestCase(false, false, false)]
    [TestCase(false, true, false)]
    [TestCase(true, true, false)]
    [TestCase(true, false, true)]
    public void A_member_is_shut_out_only_when_the_organization_requires_two_factor_sign_in_they_lack(
        bool required, bool memberUsesIt, bool broken)
    {
        var rule = new MemberMeetsTwoFactorRequirement(required, memberUsesIt);

        rule.IsBroken().ShouldBe(broken);
        rule.Error.ShouldBe(ErrorCatalog.TwoFactorRequiredByOrganization);
        rule.Error.Status.ShouldBe(403);
    }

    private static (Organization Organization, Actor Actor) OrganizationWith(MemberRole role)
    {
        var owner = new Actor(Guid.NewGuid(), MemberRole.Owner);
        var organization = Organization.Create("Acme", "USD", owner.UserId, Created);
        if (role == MemberRole.Owner)
        {
            return (organization, owner);
        }

        var actor = new Actor(Guid.NewGuid(), role);
        organization.AddMember(owner, actor.UserId, role, Created);
        return (organization, actor);
    }
}
