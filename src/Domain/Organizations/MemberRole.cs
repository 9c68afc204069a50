namespace Crm.Domain.Organizations;

/// <summary>A user's role in one organization, from most to least powerful.</summary>
public enum MemberRole
{
    Owner,
    Admin,
    Manager,
    Member,
}
