using Crm.Domain.Organizations;

namespace Crm.Application.Common.Security;

/// <summary>
/// Who is asking, for which organization, with which role: resolved once per request (from the access token and
/// the organization named by the request) and read by every handler.
/// </summary>
public interface IRequestContext
{
    Guid? UserId { get; }

    Guid? SessionId { get; }

    /// <summary>
    /// The API key the request authenticated with; null for a person. A key's id is also its service user's, so
    /// <see cref="UserId"/> holds it too, and everything that names a user names the key.
    /// </summary>
    Guid? ApiKeyId { get; }

    /// <summary>Whether the caller may only read: a read-only API key.</summary>
    bool IsReadOnly { get; }

    Guid? OrganizationId { get; }

    /// <summary>The caller's role in <see cref="OrganizationId"/>; null when it is not a member.</summary>
    MemberRole? Role { get; }

    /// <summary>The plan of <see cref="OrganizationId"/>, which sets the request's rate limits.</summary>
    OrganizationPlan? Plan { get; }

    string? ClientAddress { get; }

    string? UserAgent { get; }
}
