using Crm.Application.Common.Auditing;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Suppressions.Common;
using Crm.Domain.Errors;
using Crm.Domain.Suppressions;
using MediatR;

namespace Crm.Application.Suppressions.Commands.RemoveSuppression;

/// <summary>Lifts a suppression (owner only): the address may be added to the organization's contacts again.</summary>
[Authorize(Roles = "owner")]
[AuditAction("remove_suppression")]
public sealed record RemoveSuppressionCommand(string Hash) : ICommand<Unit>, IOrganizationScoped;

public sealed class RemoveSuppressionCommandHandler(IRepository<Suppression> suppressions, IRequestContext context, IAuditTrail audit)
    : IRequestHandler<RemoveSuppressionCommand, Unit>
{
    public async Task<Unit> Handle(RemoveSuppressionCommand request, CancellationToken cancellationToken)
    {
        var organizationId = context.RequireOrganizationId();
        var suppression = await suppressions.FirstOrDefaultAsync(new SuppressionByHashSpecification(organizationId, request.Hash), cancellationToken)
            ?? throw new NotFoundException(ErrorCatalog.SuppressionNotFound);
        suppressions.Remove(suppression);
        audit.Record(new AuditEvent("remove_suppression", "suppression", suppression.Id, null, [new AuditChange("hash", suppression.Hash, null)]));
        return Unit.Value;
    }
}
