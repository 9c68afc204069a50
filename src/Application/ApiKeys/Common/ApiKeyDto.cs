using Crm.Domain.Organizations;

namespace Crm.Application.ApiKeys.Common;

/// <summary>An API key as its organization's administrators see it: never its secret.</summary>
public sealed record ApiKeyDto(
    Guid Id,
    string Name,
    MemberRole Role,
    bool ReadOnly,
    string Prefix,
    ApiKeyCreatorDto CreatedBy,
    DateTime CreatedAt,
    DateTime? ExpiresAt,
    DateTime? LastUsedAt);
