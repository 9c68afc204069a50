using Crm.Application.Common.Auditing;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Organizations.Common;
using Crm.Domain.Common;
using Crm.Domain.Organizations;
using MediatR;

namespace Crm.Application.Organizations.Commands.CreateOrganization;

/// <summary>Creates an organization whose owner is the caller.</summary>
[Authorize]
[AuditAction("create_organization")]
public sealed record CreateOrganizationCommand(string Name, string? DefaultCurrency) : ICommand<OrganizationDto>;

public sealed class CreateOrganizationCommandHandler(
    IRepository<Organization> organizations, IRequestContext context, StorageFigures figures, TimeProvider time)
    : IRequestHandler<CreateOrganizationCommand, OrganizationDto>
{
    public async Task<OrganizationDto> Handle(CreateOrganizationCommand request, CancellationToken cancellationToken)
    {
        var organization = Organization.Create(
            request.Name, request.DefaultCurrency, context.RequireUserId(), time.UtcNow());
        organizations.Add(organization);
        return await figures.DescribeAsync(organization, MemberRole.Owner, cancellationToken);
    }
}
