using Crm.Domain.Organizations;

namespace Crm.Application.ApiKeys.Common;

/// <summary>A key just created, with its secret: the only answer that ever shows it.</summary>
public sealed record CreatedApiKeyDto(
    Guid Id,
    string Name,
    MemberRole Role,
    bool ReadOnly,
    string Prefix,
    string Secret,
    DateTime CreatedAt,
    DateTime? ExpiresAt);
