using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Organizations.Common;
using Crm.Domain.Errors;
using Crm.Domain.Organizations;
using MediatR;

namespace Crm.Application.Organizations.Queries.GetOrganization;

/// <summary>The current organization, for any of its members.</summary>
public sealed record GetOrganizationQuery : IQuery<OrganizationDto>, IOrganizationScoped;

public sealed class GetOrganizationQueryHandler(IReadStore store, IRequestContext context, StorageFigures figures)
    : IRequestHandler<GetOrganizationQuery, OrganizationDto>
{
    public async Task<OrganizationDto> Handle(GetOrganizationQuery request, CancellationToken cancellationToken)
    {
        var actor = context.RequireActor();
        var organizationId = context.RequireOrganizationId();
        var organization = await store.FirstOrDefaultAsync(
            store.Query<Organization>().Where(o => o.Id == organizationId), cancellationToken)
            ?? throw new ForbiddenException(ErrorCatalog.OrganizationAccessDenied);
        return await figures.DescribeAsync(organization, actor.Role, cancellationToken);
    }
}
