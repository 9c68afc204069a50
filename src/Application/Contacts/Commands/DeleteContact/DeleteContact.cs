using Crm.Application.Attachments.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Concurrency;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Files;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Common.Transactions;
using Crm.Domain.Contacts;
using Crm.Domain.Deals;
using Crm.Domain.Errors;
using MediatR;

namespace Crm.Application.Contacts.Commands.DeleteContact;

/// <summary>Deletes a contact that no deal refers to.</summary>
[NoValidator("Its only input is the id in the path, which routing accepts as a UUID only.")]
[AuditAction("delete_contact")]
public sealed record DeleteContactCommand(Guid Id, VersionCondition? IfMatch = null) : ICommand<Unit>, IOrganizationScoped;

public sealed class DeleteContactCommandHandler(
    IRepository<Contact> contacts,
    IReadStore store,
    IFileStorage storage,
    ITransactionOutcome outcome,
    IRequestContext context,
    WritePreconditions preconditions)
    : IRequestHandler<DeleteContactCommand, Unit>
{
    public async Task<Unit> Handle(DeleteContactCommand request, CancellationToken cancellationToken)
    {
        var actor = context.RequireActor();
        var contact = await contacts.GetInOrganizationAsync(request.Id, context, ErrorCatalog.ContactNotFound, cancellationToken);
        preconditions.Require(contact, request.IfMatch);
        contact.Delete(actor);
        if (await store.AnyAsync(store.Query<Deal>().Where(d => d.ContactId == contact.Id), cancellationToken))
        {
            throw ContactHasDeals();
        }

        await store.RemoveAfterCommitAsync(storage, outcome, contact.Id, null, cancellationToken);
        contacts.Remove(contact);
        return Unit.Value;
    }

    public static ConflictException ContactHasDeals() =>
        new(ErrorCatalog.ContactHasDeals);
}
