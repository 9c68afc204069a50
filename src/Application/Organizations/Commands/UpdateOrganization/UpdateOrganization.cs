using Crm.Application.Common.Auditing;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Organizations.Common;
using Crm.Domain.Common;
using Crm.Domain.Organizations;
using MediatR;

namespace Crm.Application.Organizations.Commands.UpdateOrganization;

/// <summary>Changes the current organization's settings; a null field stays as it is.</summary>
[Authorize(Roles = "owner,admin")]
[AuditAction("update_organization")]
public sealed record UpdateOrganizationCommand(string? Name, string? DefaultCurrency)
    : ICommand<OrganizationDto>, IOrganizationScoped;

public sealed class UpdateOrganizationCommandHandler(
    IRepository<Organization> organizations, IRequestContext context, TimeProvider time)
    : IRequestHandler<UpdateOrganizationCommand, OrganizationDto>
{
    public async Task<OrganizationDto> Handle(UpdateOrganizationCommand request, CancellationToken cancellationToken)
    {
        var (organization, actor) = await organizations.LoadCurrentAsync(context, cancellationToken);
        organization.ChangeSettings(actor, request.Name, request.DefaultCurrency, time.UtcNow());
        return OrganizationDto.From(organization, actor.Role);
    }
}
