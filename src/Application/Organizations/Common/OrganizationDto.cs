using Crm.Domain.Organizations;

namespace Crm.Application.Organizations.Common;

/// <summary>An organization as seen by one of its members, with the bytes of files it stores and may store.</summary>
public sealed record OrganizationDto(
    Guid Id,
    string Name,
    MemberRole Role,
    string DefaultCurrency,
    OrganizationPlan Plan,
    bool RequireTwoFactor,
    string TimeZone,
    StageProbabilities StageProbabilities,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    long StorageUsedBytes,
    long StorageQuotaBytes)
{
    public static OrganizationDto From(Organization organization, MemberRole role, long storageUsedBytes, long storageQuotaBytes) => new(
        organization.Id,
        organization.Name,
        role,
        organization.DefaultCurrency,
        organization.Plan,
        organization.RequireTwoFactor,
        organization.TimeZone,
        organization.StageProbabilities,
        organization.CreatedAt,
        organization.UpdatedAt,
        storageUsedBytes,
        storageQuotaBytes);
}

/// <summary>A member of an organization, and whether they have two-factor sign-in on (what requiring it would shut out).</summary>
public sealed record MemberDto(Guid UserId, string Email, string Name, MemberRole Role, DateTime JoinedAt, bool TwoFactorEnabled);
