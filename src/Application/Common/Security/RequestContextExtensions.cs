using Crm.Application.Common.Exceptions;
using Crm.Domain.Auditing;
using Crm.Domain.Errors;
using Crm.Domain.Organizations;

namespace Crm.Application.Common.Security;

public static class RequestContextExtensions
{
    public static Guid RequireUserId(this IRequestContext context) =>
        context.UserId ?? throw new UnauthorizedException(ErrorCatalog.AuthenticationRequired, "Sign in first.");

    /// <summary>Whether <paramref name="actorId"/> is the request's API key or a person.</summary>
    public static ActorType ActorTypeOf(this IRequestContext context, Guid? actorId) =>
        actorId is not null && context.ApiKeyId == actorId ? ActorType.ApiKey : ActorType.User;

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
