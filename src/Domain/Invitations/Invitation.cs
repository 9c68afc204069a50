using Crm.Domain.Common;
using Crm.Domain.Invitations.Rules;
using Crm.Domain.Organizations;
using Crm.Domain.Organizations.Rules;
using Crm.Domain.Users;

namespace Crm.Domain.Invitations;

/// <summary>
/// An invitation to join an organization. Nobody becomes a member by someone else's act: the invited address's owner
/// accepts (by the emailed link, or signed in with that address proved) or declines, or an administrator revokes it.
/// </summary>
public sealed class Invitation : Entity
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private Invitation()
    {
        Email = NormalizedEmail = string.Empty;
        TokenHash = [];
    }

    public Guid OrganizationId { get; private set; }

    public string Email { get; private set; }

    public string NormalizedEmail { get; private set; }

    public MemberRole Role { get; private set; }

    public byte[] TokenHash { get; private set; }

    public Guid InvitedBy { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public DateTime? AcceptedAt { get; private set; }

    public DateTime? DeclinedAt { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    /// <summary>Not yet answered (accepted, declined or revoked); it may still have expired.</summary>
    public bool IsOpen => AcceptedAt is null && DeclinedAt is null && RevokedAt is null;

    /// <summary>Invites an email with a role, under the same rules as adding a member.</summary>
    public static Invitation Send(Guid organizationId, Actor actor, string email, MemberRole role, byte[] tokenHash, DateTime now)
    {
        BusinessRules.Check(new ActorMustAdministerOrganization(actor));
        BusinessRules.Check(new OnlyOwnerManagesOwners(actor, role == MemberRole.Owner));
        return new Invitation
        {
            Id = NewId(),
            OrganizationId = organizationId,
            Email = email.Trim(),
            NormalizedEmail = User.Normalize(email),
            Role = role,
            TokenHash = tokenHash,
            InvitedBy = actor.UserId,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
    }

    /// <summary>Sends the invitation again: a new token and a new expiry; the old link stops working.</summary>
    public void Renew(Actor actor, MemberRole role, byte[] tokenHash, DateTime now)
    {
        BusinessRules.Check(new ActorMustAdministerOrganization(actor));
        BusinessRules.Check(new OnlyOwnerManagesOwners(actor, role == MemberRole.Owner || Role == MemberRole.Owner));
        Role = role;
        TokenHash = tokenHash;
        InvitedBy = actor.UserId;
        ExpiresAt = now + Lifetime;
    }

    /// <summary>
    /// The invited person joins <paramref name="organization"/> as <paramref name="user"/>, whose address must be the
    /// invited one and proved, while the inviter may still grant the role. <paramref name="invitingApiKeyRole"/> is the
    /// role of the API key that sent it, while that key still works (a key is no member, so it is asked apart).
    /// </summary>
    public Membership Accept(Organization organization, User user, DateTime now, MemberRole? invitingApiKeyRole = null)
    {
        BusinessRules.Check(new InvitationIsPending(this, now));
        BusinessRules.Check(new InvitationIsForAccount(NormalizedEmail, user.NormalizedEmail));
        BusinessRules.Check(new JoiningAccountIsVerified(user.EmailVerified));
        if (organization.Id != OrganizationId)
        {
            throw new ArgumentException("The invitation is to another organization.", nameof(organization));
        }

        BusinessRules.Check(new InviterMayStillGrantRole(organization.FindMember(InvitedBy)?.Role ?? invitingApiKeyRole, Role));
        var membership = organization.Admit(user.Id, Role, now);
        AcceptedAt = now;
        return membership;
    }

    /// <summary>The invited person, signed in with the proved address, says no.</summary>
    public void Decline(User user, DateTime now)
    {
        BusinessRules.Check(new InvitationIsPending(this, now));
        BusinessRules.Check(new InvitationIsForAccount(NormalizedEmail, user.NormalizedEmail));
        BusinessRules.Check(new JoiningAccountIsVerified(user.EmailVerified));
        DeclinedAt = now;
    }

    /// <summary>An administrator withdraws the invitation; its link stops working.</summary>
    public void Revoke(Actor actor, DateTime now)
    {
        BusinessRules.Check(new ActorMustAdministerOrganization(actor));
        BusinessRules.Check(new OnlyOwnerManagesOwners(actor, Role == MemberRole.Owner));
        BusinessRules.Check(new InvitationIsPending(this, now));
        RevokedAt = now;
    }
}
