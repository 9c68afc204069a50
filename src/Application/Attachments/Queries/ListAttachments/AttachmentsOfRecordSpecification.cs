using Ardalis.Specification;
using Crm.Application.Common.Models;
using Crm.Application.Common.Specifications;
using Crm.Domain.Attachments;

namespace Crm.Application.Attachments.Queries.ListAttachments;

/// <summary>The files attached to one contact or deal, newest first.</summary>
public sealed class AttachmentsOfRecordSpecification : Specification<Attachment>
{
    public AttachmentsOfRecordSpecification(Guid organizationId, Guid recordId) =>
        Query.AsNoTracking()
            .Where(a => a.OrganizationId == organizationId && (a.ContactId == recordId || a.DealId == recordId))
            .OrderBy(SortOrder.Desc, a => a.CreatedAt, a => a.Id);
}
