using AutoMapper;
using AutoMapper.QueryableExtensions;
using Crm.Application.Attachments.Common;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Models;
using Crm.Application.Common.Security;
using MediatR;

namespace Crm.Application.Attachments.Queries.ListAttachments;

/// <summary>A contact's or deal's files, newest first.</summary>
public sealed record ListAttachmentsQuery(AttachmentParent Parent, Guid ParentId, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<AttachmentDto>>, IOrganizationScoped, IPagedRequest;

public sealed class ListAttachmentsQueryHandler(IReadStore store, AttachmentParents parents, IMapper mapper)
    : IRequestHandler<ListAttachmentsQuery, PagedList<AttachmentDto>>
{
    public async Task<PagedList<AttachmentDto>> Handle(ListAttachmentsQuery request, CancellationToken cancellationToken)
    {
        var record = await parents.GetAsync(request.Parent, request.ParentId, cancellationToken);
        return await store.ToPageAsync(
            store.Query(new AttachmentsOfRecordSpecification(record.OrganizationId, record.Id)).ProjectTo<AttachmentDto>(mapper.ConfigurationProvider),
            request,
            cancellationToken);
    }
}
