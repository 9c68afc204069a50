using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Organizations;
using Crm.Domain.Organizations.Rules;
using Crm.Domain.Users;
using Crm.Domain.Users.Rules;

namespace Crm.Domain.Invitations;

/// <summary>An invitation to join an organization, for someone who has no account yet.</summary>
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

    public void Accept(DateTime now)
    {
        BusinessRules.Check(new TokenIsUsable(AcceptedAt, ExpiresAt, now, ErrorCatalog.InvalidInvitation));
        AcceptedAt = now;
    }
}
