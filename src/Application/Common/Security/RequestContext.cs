using Crm.Application.Common.Exceptions;
using Crm.Domain.Errors;
using Crm.Domain.Organizations;

namespace Crm.Application.Common.Security;

/// <summary>The scoped <see cref="IRequestContext"/>, filled by the HTTP pipeline or by the command line.</summary>
public sealed class RequestContext : IRequestContext
{
    public Guid? UserId { get; private set; }

    public Guid? SessionId { get; private set; }

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

    public void SetOrganization(Guid organizationId, MemberRole? role, OrganizationPlan? plan = null)
    {
        OrganizationId = organizationId;
        Role = role;
        Plan = plan;
    }
}

public static class RequestContextExtensions
{
    public static Guid RequireUserId(this IRequestContext context) =>
        context.UserId ?? throw new UnauthorizedException(ErrorCatalog.AuthenticationRequired, "Sign in first.");

    /// <summary>The caller as a member of the current organization.</summary>
    public static Actor RequireActor(this IRequestContext context) =>
        context is { UserId: { } userId, OrganizationId: not null, Role: { } role }
            ? new Actor(userId, role)
            : throw new ForbiddenException(ErrorCatalog.OrganizationAccessDenied);

    public static Guid RequireOrganizationId(this IRequestContext context) =>
        context is { OrganizationId: { } organizationId, Role: not null }
            ? organizationId
            : throw new ForbiddenException(ErrorCatalog.OrganizationAccessDenied);
}
