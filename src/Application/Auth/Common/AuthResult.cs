using Crm.Domain.Organizations;

namespace Crm.Application.Auth.Common;

/// <summary>What register, login and refresh answer: a token pair, the user and their organizations.</summary>
public sealed record AuthResult(
    string TokenType,
    string AccessToken,
    int ExpiresIn,
    string RefreshToken,
    UserDto User,
    IReadOnlyList<OrganizationMembershipDto> Organizations)
{
    /// <summary>Register only: the organization it created.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public OrganizationMembershipDto? Organization { get; init; }
}

public sealed record UserDto(Guid Id, string Email, string Name, bool EmailVerified, bool TwoFactorEnabled);

public sealed record OrganizationMembershipDto(Guid Id, string Name, MemberRole Role);
