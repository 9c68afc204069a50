namespace Crm.Domain.Organizations;

/// <summary>A user's membership of an organization. Changed only through <see cref="Organization"/>.</summary>
public sealed class Membership
{
    private Membership()
    {
    }

    internal Membership(Guid organizationId, Guid userId, MemberRole role, DateTime now)
    {
        OrganizationId = organizationId;
        UserId = userId;
        Role = role;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid OrganizationId { get; private set; }

    public Guid UserId { get; private set; }

    public MemberRole Role { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    internal void ChangeRole(MemberRole role, DateTime now)
    {
        Role = role;
        UpdatedAt = now;
    }
}
