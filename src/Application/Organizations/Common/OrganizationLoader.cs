using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Security;
using Crm.Domain.Errors;
using Crm.Domain.Organizations;

namespace Crm.Application.Organizations.Common;

public static class OrganizationLoader
{
    /// <summary>The current organization with its memberships, and the caller acting on it.</summary>
    public static async Task<(Organization Organization, Actor Actor)> LoadCurrentAsync(
        this IRepository<Organization> organizations, IRequestContext context, CancellationToken cancellationToken)
    {
        var actor = context.RequireActor();
        var organization = await organizations.FirstOrDefaultAsync(new OrganizationWithMembersSpecification(context.RequireOrganizationId()), cancellationToken)
            ?? throw new Application.Common.Exceptions.ForbiddenException(ErrorCatalog.OrganizationAccessDenied);
        return (organization, actor);
    }
}
