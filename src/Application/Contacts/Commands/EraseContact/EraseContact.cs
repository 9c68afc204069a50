using Crm.Application.Attachments.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Files;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Common.Transactions;
using Crm.Application.Suppressions.Common;
using Crm.Domain.Common;
using Crm.Domain.Contacts;
using Crm.Domain.Errors;
using Crm.Domain.Suppressions;
using MediatR;

namespace Crm.Application.Contacts.Commands.EraseContact;

/// <summary>
/// Erases a contact's personal data at the person's request (owner and admin), in one transaction: its personal fields,
/// its attachments (files deleted from storage after the commit), and their traces in activities, timeline, audit
/// entries and webhook deliveries. The contact itself stays, named <see cref="Contact.ErasedName"/>, with its deals and
/// tasks; its email address goes on the organization's suppression list. Erasing it again changes nothing.
/// </summary>
[Authorize(Roles = "owner,admin")]
[NoValidator("Its only input is the id in the path, which routing accepts as a UUID only.")]
[AuditAction("erase_contact")]
public sealed record EraseContactCommand(Guid Id) : ICommand<Unit>, IOrganizationScoped;

public sealed class EraseContactCommandHandler(
    IRepository<Contact> contacts,
    IReadStore store,
    IFileStorage storage,
    ITransactionOutcome outcome,
    ISuppressionList suppressions,
    IErasedContactTraces traces,
    IAuditTrail audit,
    IRequestContext context,
    TimeProvider time)
    : IRequestHandler<EraseContactCommand, Unit>
{
    public async Task<Unit> Handle(EraseContactCommand request, CancellationToken cancellationToken)
    {
        var actor = context.RequireActor();
        var contact = await contacts.GetInOrganizationAsync(request.Id, context, ErrorCatalog.ContactNotFound, cancellationToken);
        if (contact.Email is { } email)
        {
            await suppressions.AddAsync(contact.OrganizationId, email, SuppressionReason.Erasure, actor.UserId, cancellationToken);
        }

        var fields = contact.Erase(actor, time.UtcNow());
        await store.RemoveAfterCommitAsync(storage, outcome, contact.Id, null, cancellationToken);
        await traces.RedactAsync(contact.OrganizationId, contact.Id, cancellationToken);

        // Recorded instead of the automatic entry, which would copy the erased values into the audit log.
        audit.Record(new AuditEvent(
            "erase_contact", "contact", contact.Id, null, [.. fields.Select(f => new AuditChange(f, Contact.ErasedValue, null))]));
        return Unit.Value;
    }
}
