using Crm.Application.Attachments.Common;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Models;
using Crm.Application.Common.Security;
using Crm.Domain.Attachments;
using FluentValidation;
using MediatR;

namespace Crm.Application.Attachments.Queries.ListAttachments;

/// <summary>A contact's or deal's files, newest first.</summary>
public sealed record ListAttachmentsQuery(AttachmentParent Parent, Guid ParentId, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<AttachmentDto>>, IOrganizationScoped, IPagedRequest;

public sealed class ListAttachmentsQueryHandler(IReadStore store, AttachmentParents parents)
    : IRequestHandler<ListAttachmentsQuery, PagedList<AttachmentDto>>
{
    public async Task<PagedList<AttachmentDto>> Handle(ListAttachmentsQuery request, CancellationToken cancellationToken)
    {
        var record = await parents.GetAsync(request.Parent, request.ParentId, cancellationToken);
        var query = store.Query<Attachment>()
            .Where(a => a.OrganizationId == record.OrganizationId && (a.ContactId == record.Id || a.DealId == record.Id))
            .OrderByDescending(a => a.CreatedAt)
            .ThenByDescending(a => a.Id);
        var page = await store.ToPageAsync(query, request, cancellationToken);
        return new PagedList<AttachmentDto>(page.Items.Select(AttachmentDto.From).ToList(), page.Page, page.PageSize, page.Total);
    }
}
