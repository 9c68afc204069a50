using Crm.Application.Common.Auditing;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Organizations.Common;
using Crm.Domain.Common;
using Crm.Domain.Organizations;
using MediatR;

namespace Crm.Application.Organizations.Commands.RemoveMember;

/// <summary>Removes a member; a member removing itself leaves the organization.</summary>
[NoValidator("Its only input is the user id in the path, which routing accepts as a UUID only.")]
[AuditAction("remove_member")]
public sealed record RemoveMemberCommand(Guid UserId) : ICommand<Unit>, IOrganizationScoped;

public sealed class RemoveMemberCommandHandler(
    IRepository<Organization> organizations, IRequestContext context, TimeProvider time)
    : IRequestHandler<RemoveMemberCommand, Unit>
{
    public async Task<Unit> Handle(RemoveMemberCommand request, CancellationToken cancellationToken)
    {
        var (organization, actor) = await organizations.LoadCurrentAsync(context, cancellationToken);
        organization.RemoveMember(actor, request.UserId, time.UtcNow());
        return Unit.Value;
    }
}
