using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Security;
using Crm.Domain.Attachments;
using Crm.Domain.Contacts;
using Crm.Domain.Deals;
using Crm.Domain.Errors;
using Crm.Domain.Records;

namespace Crm.Application.Attachments.Common;

/// <summary>Finds the record files are attached to, in the current organization only.</summary>
public sealed class AttachmentParents(IRepository<Contact> contacts, IRepository<Deal> deals, IRequestContext context)
{
    public async Task<OwnedRecord> GetAsync(AttachmentParent parent, Guid id, CancellationToken ct) => parent switch
    {
        AttachmentParent.Contact => await contacts.GetInOrganizationAsync(id, context, ErrorCatalog.ContactNotFound, ct),
        _ => await deals.GetInOrganizationAsync(id, context, ErrorCatalog.DealNotFound, ct),
    };

    public async Task<OwnedRecord> OfAsync(Attachment attachment, CancellationToken ct) =>
        attachment.ContactId is { } contact
            ? await GetAsync(AttachmentParent.Contact, contact, ct)
            : await GetAsync(AttachmentParent.Deal, attachment.DealId ?? throw new NotFoundException(ErrorCatalog.AttachmentNotFound), ct);
}
