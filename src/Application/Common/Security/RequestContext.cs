using Crm.Domain.Organizations;

namespace Crm.Application.Common.Security;

/// <summary>The scoped <see cref="IRequestContext"/>, filled by the HTTP pipeline or by the command line.</summary>
public sealed class RequestContext : IRequestContext
{
    public Guid? UserId { get; private set; }

    public Guid? SessionId { get; private set; }

    public Guid? ApiKeyId { get; private set; }

    public bool IsReadOnly { get; private set; }

    public Guid? OrganizationId { get; private set; }

    public MemberRole? Role { get; private set; }

    public OrganizationPlan? Plan { get; private set; }

    public string? ClientAddress { get; private set; }

    public string? UserAgent { get; private set; }

    public void SetClient(string? clientAddress, string? userAgent)
    {
        ClientAddress = clientAddress;
        UserAgent = userAgent;
    }

    public void SetUser(Guid userId, Guid? sessionId)
    {
        UserId = userId;
        SessionId = sessionId;
    }

    /// <summary>An API key's request: its service user is the caller, in the key's one organization.</summary>
    public void SetApiKey(Guid apiKeyId, bool readOnly)
    {
        UserId = apiKeyId;
        SessionId = null;
        ApiKeyId = apiKeyId;
        IsReadOnly = readOnly;
    }

    public void SetOrganization(Guid organizationId, MemberRole? role, OrganizationPlan? plan = null)
    {
        OrganizationId = organizationId;
        Role = role;
        Plan = plan;
    }
}
