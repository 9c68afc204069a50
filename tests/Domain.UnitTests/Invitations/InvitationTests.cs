using Crm.Domain.Errors;
using Crm.Domain.Invitations;
using Crm.Domain.Organizations;
using Crm.Domain.Users;
using static Crm.Domain.UnitTests.RuleAssert;

namespace Crm.Domain.UnitTests.Invitations;

public sealed class InvitationTests
{
    private static readonly DateTime Sent = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Later = Sent.AddHours(1);

    [Test]
    public void The_invited_verified_account_joins_with_the_invited_role()
    {
        var (organization, owner, _) = Team();
        var invitation = Invitation.Send(organization.Id, owner, "grace@example.com", MemberRole.Manager, [1], Sent);
        var grace = Verified("GRACE@example.com");

        var membership = invitation.Accept(organization, grace, Later);

        membership.Role.ShouldBe(MemberRole.Manager);
        organization.FindMember(grace.Id).ShouldBeSameAs(membership);
        invitation.AcceptedAt.ShouldBe(Later);
        invitation.IsOpen.ShouldBeFalse();
    }

    [Test]
    public void An_invitation_is_accepted_only_once()
    {
        var (organization, owner, _) = Team();
        var invitation = Invitation.Send(organization.Id, owner, "grace@example.com", MemberRole.Member, [1], Sent);
        var grace = Verified("grace@example.com");
        invitation.Accept(organization, grace, Later);

        AssertBrokenRule(() => invitation.Accept(organization, grace, Later), "invalid_invitation", ErrorKind.Invalid);
        AssertBrokenRule(() => invitation.Decline(grace, Later), "invalid_invitation", ErrorKind.Invalid);
    }

    [Test]
    public void An_expired_invitation_cannot_be_answered()
    {
        var (organization, owner, _) = Team();
        var invitation = Invitation.Send(organization.Id, owner, "grace@example.com", MemberRole.Member, [1], Sent);
        var expired = Sent + Invitation.Lifetime;

        AssertBrokenRule(() => invitation.Accept(organization, Verified("grace@example.com"), expired), "invalid_invitation", ErrorKind.Invalid);
        AssertBrokenRule(() => invitation.Revoke(owner, expired), "invalid_invitation", ErrorKind.Invalid);
    }

    [Test]
    public void Someone_elses_invitation_does_not_exist_for_an_account()
    {
        var (organization, owner, _) = Team();
        var invitation = Invitation.Send(organization.Id, owner, "grace@example.com", MemberRole.Member, [1], Sent);
        var other = Verified("mallory@example.com");

        AssertBrokenRule(() => invitation.Accept(organization, other, Later), "invitation_not_found", ErrorKind.NotFound);
        AssertBrokenRule(() => invitation.Decline(other, Later), "invitation_not_found", ErrorKind.NotFound);
        organization.FindMember(other.Id).ShouldBeNull();
    }

    [Test]
    public void An_account_that_has_not_proved_the_address_can_neither_accept_nor_decline()
    {
        var (organization, owner, _) = Team();
        var invitation = Invitation.Send(organization.Id, owner, "sales@acme.com", MemberRole.Member, [1], Sent);
        var squatter = User.Register("sales@acme.com", "Not Sales", "hash", Sent);

        AssertBrokenRule(() => invitation.Accept(organization, squatter, Later), "email_not_verified", ErrorKind.Forbidden);
        AssertBrokenRule(() => invitation.Decline(squatter, Later), "email_not_verified", ErrorKind.Forbidden);
        invitation.IsOpen.ShouldBeTrue();
    }

    [Test]
    public void A_declined_invitation_can_no_longer_be_accepted()
    {
        var (organization, owner, _) = Team();
        var invitation = Invitation.Send(organization.Id, owner, "grace@example.com", MemberRole.Member, [1], Sent);
        var grace = Verified("grace@example.com");

        invitation.Decline(grace, Later);

        invitation.DeclinedAt.ShouldBe(Later);
        AssertBrokenRule(() => invitation.Accept(organization, grace, Later), "invalid_invitation", ErrorKind.Invalid);
    }

    [Test]
    public void A_revoked_invitation_can_no_longer_be_accepted()
    {
        var (organization, owner, admin) = Team();
        var invitation = Invitation.Send(organization.Id, owner, "grace@example.com", MemberRole.Member, [1], Sent);

        invitation.Revoke(admin, Later);

        invitation.RevokedAt.ShouldBe(Later);
        AssertBrokenRule(() => invitation.Accept(organization, Verified("grace@example.com"), Later), "invalid_invitation", ErrorKind.Invalid);
        AssertBrokenRule(() => invitation.Revoke(owner, Later), "invalid_invitation", ErrorKind.Invalid);
    }

    [TestCase(MemberRole.Manager)]
    [TestCase(MemberRole.Member)]
    public void Only_owner_and_admin_revoke(MemberRole role)
    {
        var (organization, owner, _) = Team();
        var invitation = Invitation.Send(organization.Id, owner, "grace@example.com", MemberRole.Member, [1], Sent);

        AssertBrokenRule(() => invitation.Revoke(new Actor(Guid.NewGuid(), role), Later), "insufficient_role", ErrorKind.Forbidden);
    }

    [Test]
    public void Only_an_owner_revokes_an_owner_invitation()
    {
        var (organization, owner, admin) = Team();
        var invitation = Invitation.Send(organization.Id, owner, "boss@example.com", MemberRole.Owner, [1], Sent);

        AssertBrokenRule(() => invitation.Revoke(admin, Later), "owner_role_required", ErrorKind.Forbidden);
        invitation.Revoke(owner, Later);
        invitation.RevokedAt.ShouldBe(Later);
    }

    [Test]
    public void Only_an_owner_sends_an_owner_invitation()
    {
        var (organization, _, admin) = Team();

        AssertBrokenRule(() => Invitation.Send(organization.Id, admin, "boss@example.com", MemberRole.Owner, [1], Sent), "owner_role_required", ErrorKind.Forbidden);
    }

    [Test]
    public void An_invitation_from_an_inviter_since_removed_is_stale()
    {
        var (organization, owner, admin) = Team();
        var invitation = Invitation.Send(organization.Id, admin, "grace@example.com", MemberRole.Member, [1], Sent);
        organization.RemoveMember(owner, admin.UserId, Sent);

        AssertBrokenRule(() => invitation.Accept(organization, Verified("grace@example.com"), Later), "invitation_stale", ErrorKind.Conflict);
        invitation.IsOpen.ShouldBeTrue();
    }

    [TestCase(MemberRole.Manager)]
    [TestCase(MemberRole.Member)]
    public void An_invitation_from_an_inviter_since_demoted_below_admin_is_stale(MemberRole demotedTo)
    {
        var (organization, owner, admin) = Team();
        var invitation = Invitation.Send(organization.Id, admin, "grace@example.com", MemberRole.Member, [1], Sent);
        organization.ChangeMemberRole(owner, admin.UserId, demotedTo, Sent);

        AssertBrokenRule(() => invitation.Accept(organization, Verified("grace@example.com"), Later), "invitation_stale", ErrorKind.Conflict);
    }

    [Test]
    public void An_owner_invitation_from_an_owner_since_made_admin_is_stale_while_other_roles_stay_valid()
    {
        var (organization, owner, admin) = Team();
        organization.ChangeMemberRole(owner, admin.UserId, MemberRole.Owner, Sent);
        var secondOwner = new Actor(admin.UserId, MemberRole.Owner);
        var ownerInvitation = Invitation.Send(organization.Id, secondOwner, "boss@example.com", MemberRole.Owner, [1], Sent);
        var adminInvitation = Invitation.Send(organization.Id, secondOwner, "grace@example.com", MemberRole.Admin, [2], Sent);
        organization.ChangeMemberRole(owner, admin.UserId, MemberRole.Admin, Sent);

        AssertBrokenRule(() => ownerInvitation.Accept(organization, Verified("boss@example.com"), Later), "invitation_stale", ErrorKind.Conflict);
        adminInvitation.Accept(organization, Verified("grace@example.com"), Later).Role.ShouldBe(MemberRole.Admin);
    }

    [Test]
    public void An_account_already_a_member_cannot_join_again()
    {
        var (organization, owner, _) = Team();
        var grace = Verified("grace@example.com");
        organization.Admit(grace.Id, MemberRole.Member, Sent);
        var invitation = Invitation.Send(organization.Id, owner, "grace@example.com", MemberRole.Admin, [1], Sent);

        AssertBrokenRule(() => invitation.Accept(organization, grace, Later), "member_exists", ErrorKind.Conflict);
    }

    [Test]
    public void Renewing_replaces_the_token_the_role_and_the_expiry()
    {
        var (organization, owner, admin) = Team();
        var invitation = Invitation.Send(organization.Id, owner, "grace@example.com", MemberRole.Member, [1], Sent);

        invitation.Renew(admin, MemberRole.Manager, [2], Later);

        invitation.TokenHash.ShouldBe([(byte)2]);
        invitation.Role.ShouldBe(MemberRole.Manager);
        invitation.InvitedBy.ShouldBe(admin.UserId);
        invitation.ExpiresAt.ShouldBe(Later + Invitation.Lifetime);
    }

    [Test]
    public void An_invitation_an_admin_key_sent_is_accepted_while_the_key_works_with_its_role()
    {
        var (organization, _, _) = Team();
        var key = new Actor(Guid.NewGuid(), MemberRole.Admin);
        var invitation = Invitation.Send(organization.Id, key, "grace@example.com", MemberRole.Manager, [1], Sent);
        var grace = Verified("grace@example.com");

        AssertBrokenRule(() => invitation.Accept(organization, grace, Later), "invitation_stale", ErrorKind.Conflict);
        AssertBrokenRule(() => invitation.Accept(organization, grace, Later, MemberRole.Manager), "invitation_stale", ErrorKind.Conflict);
        invitation.Accept(organization, grace, Later, MemberRole.Admin).Role.ShouldBe(MemberRole.Manager);
    }

    private static User Verified(string email)
    {
        var user = User.Register(email, "Invited", "hash", Sent);
        user.ConfirmEmail(Sent);
        return user;
    }

    /// <summary>An organization with an owner and an admin, as actors.</summary>
    private static (Organization Organization, Actor Owner, Actor Admin) Team()
    {
        var owner = new Actor(Guid.NewGuid(), MemberRole.Owner);
        var organization = Organization.Create("Acme", "USD", owner.UserId, Sent);
        var admin = new Actor(Guid.NewGuid(), MemberRole.Admin);
        organization.AddMember(owner, admin.UserId, MemberRole.Admin, Sent);
        return (organization, owner, admin);
    }
}
