using Crm.Application.Attachments.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Concurrency;
using Crm.Application.Common.Files;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Common.Transactions;
using Crm.Domain.Deals;
using Crm.Domain.Errors;
using MediatR;

namespace Crm.Application.Deals.Commands.DeleteDeal;

/// <summary>Deletes a deal with its tasks and timeline.</summary>
[NoValidator("Its only input is the id in the path, which routing accepts as a UUID only.")]
[AuditAction("delete_deal")]
public sealed record DeleteDealCommand(Guid Id, VersionCondition? IfMatch = null) : ICommand<Unit>, IOrganizationScoped;

public sealed class DeleteDealCommandHandler(
    IRepository<Deal> deals,
    IReadStore store,
    IFileStorage storage,
    ITransactionOutcome outcome,
    IRequestContext context,
    WritePreconditions preconditions)
    : IRequestHandler<DeleteDealCommand, Unit>
{
    public async Task<Unit> Handle(DeleteDealCommand request, CancellationToken cancellationToken)
    {
        var deal = await deals.GetInOrganizationAsync(request.Id, context, ErrorCatalog.DealNotFound, cancellationToken);
        preconditions.Require(deal, request.IfMatch);
        deal.Delete(context.RequireActor());
        await store.RemoveAfterCommitAsync(storage, outcome, null, deal.Id, cancellationToken);
        deals.Remove(deal);
        return Unit.Value;
    }
}
