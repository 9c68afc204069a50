using System.Reflection;
using System.Text.Json;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Domain.Errors;
using Crm.Domain.Organizations;
using MediatR;

namespace Crm.Application.Common.Behaviours;

/// <summary>
/// Enforces each request's <see cref="AuthorizeAttribute"/> and organization membership before anything else
/// (validators included) touches the request, and refuses every command to a read-only API key.
/// </summary>
public sealed class AuthorizationBehaviour<TRequest, TResponse>(IRequestContext context)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly AuthorizeAttribute[] Attributes =
        typeof(TRequest).GetCustomAttributes<AuthorizeAttribute>().ToArray();

    private static readonly bool OrganizationScoped = typeof(IOrganizationScoped).IsAssignableFrom(typeof(TRequest));

    private static readonly MemberRole[][] RequiredRoles = Attributes
        .Where(a => !string.IsNullOrWhiteSpace(a.Roles))
        .Select(a => a.Roles.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(ParseRole)
            .ToArray())
        .ToArray();

    public Task<TResponse> Handle(
        TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        // A read-only key changes nothing, whatever its role lets it read.
        if (context.IsReadOnly && RequestKind<TRequest>.IsWrite)
        {
            throw new ForbiddenException(ErrorCatalog.ApiKeyReadOnly);
        }

        if (Attributes.Length == 0 && !OrganizationScoped)
        {
            return next();
        }

        context.RequireUserId();
        if (OrganizationScoped || RequiredRoles.Length > 0)
        {
            var actor = context.RequireActor();
            if (RequiredRoles.Any(roles => !roles.Contains(actor.Role)))
            {
                throw new ForbiddenException(ErrorCatalog.InsufficientRole);
            }
        }

        return next();
    }

    private static MemberRole ParseRole(string name) =>
        Enum.GetValues<MemberRole>().Single(r => JsonNamingPolicy.SnakeCaseLower.ConvertName(r.ToString()) == name);
}
