using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Security;
using Crm.Application.Common.Specifications;
using Crm.Domain.Attachments;
using Crm.Domain.Errors;

namespace Crm.Application.Attachments.Queries.GetAttachment;

internal static class AttachmentLookup
{
    public static async Task<Attachment> FindAttachmentAsync(this IReadStore store, Guid id, IRequestContext context, CancellationToken ct)
    {
        var organizationId = context.RequireOrganizationId();
        return await store.FirstOrDefaultAsync(store.Query(new RecordInOrganizationSpecification<Attachment>(id, organizationId)), ct)
            ?? throw new NotFoundException(ErrorCatalog.AttachmentNotFound);
    }
}
