using Crm.Application.Auth.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Organizations.Common;
using Crm.Domain.Common;
using Crm.Domain.Organizations;
using MediatR;

namespace Crm.Application.Organizations.Commands.UpdateOrganization;

/// <summary>
/// Changes the current organization's settings; a null field stays as it is. Requiring two-factor sign-in takes an
/// administrator who has it on; the time zone is an IANA name; stage probabilities replace those of the stages named.
/// </summary>
[Authorize(Roles = "owner,admin")]
[AuditAction("update_organization")]
public sealed record UpdateOrganizationCommand(string? Name, string? DefaultCurrency, bool? RequireTwoFactor = null, string? TimeZone = null,
    IReadOnlyDictionary<string, int>? StageProbabilities = null)
    : ICommand<OrganizationDto>, IOrganizationScoped;

public sealed class UpdateOrganizationCommandHandler(
    IRepository<Organization> organizations, IReadStore store, IRequestContext context, StorageFigures figures, TimeProvider time)
    : IRequestHandler<UpdateOrganizationCommand, OrganizationDto>
{
    public async Task<OrganizationDto> Handle(UpdateOrganizationCommand request, CancellationToken cancellationToken)
    {
        var (organization, actor) = await organizations.LoadCurrentAsync(context, cancellationToken);
        organization.ChangeSettings(actor, request.Name, request.DefaultCurrency, time.UtcNow(), request.TimeZone);
        if (request.StageProbabilities is { } probabilities)
        {
            organization.ChangeStageProbabilities(actor, probabilities, time.UtcNow());
        }

        if (request.RequireTwoFactor is { } required)
        {
            var actorUsesTwoFactor = await SessionIssuer.UsesTwoFactorAsync(store, actor.UserId, cancellationToken);
            organization.ChangeTwoFactorRequirement(actor, required, actorUsesTwoFactor, time.UtcNow());
        }

        return await figures.DescribeAsync(organization, actor.Role, cancellationToken);
    }
}
