using AutoMapper;
using AutoMapper.QueryableExtensions;
using Crm.Application.Common.Caching;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Models;
using Crm.Application.Common.Security;
using Crm.Application.Contacts.Common;
using Crm.Application.CustomFields.Common;
using Crm.Domain.Contacts;
using Crm.Domain.CustomFields;
using Crm.Domain.Records;
using MediatR;

namespace Crm.Application.Contacts.Queries.ListContacts;

public enum ContactOrder
{
    CreatedAt,
    Name,
}

public sealed record ListContactsQuery(
    int Page = 1,
    int PageSize = Paging.DefaultPageSize,
    string? Search = null,
    Guid? OwnerId = null,
    ContactOrder OrderBy = ContactOrder.CreatedAt,
    SortOrder Order = SortOrder.Asc,
    string? Cursor = null,
    DateTime? UpdatedSince = null,
    IReadOnlyList<string>? ExternalId = null,
    Guid? CompanyId = null,
    IReadOnlyList<string>? Tag = null,
    IReadOnlyList<CustomFieldFilter>? CustomFields = null,
    string? OrderByCustomField = null) : IQuery<PagedList<ContactDto>>, IOrganizationScoped, IPagedRequest;

public sealed class ListContactsQueryHandler(
    IReadStore store, IContactSearch search, IRequestContext context, IMapper mapper, IListTotals totals, CustomFieldListing customFields)
    : IRequestHandler<ListContactsQuery, PagedList<ContactDto>>
{
    public async Task<PagedList<ContactDto>> Handle(ListContactsQuery request, CancellationToken cancellationToken)
    {
        var actor = context.RequireActor();
        actor.EnsureMayFilterByOwner(request.OwnerId);
        var matching = string.IsNullOrWhiteSpace(request.Search) ? null : search.Matching(request.Search.Trim());
        var custom = await customFields.ResolveAsync<Contact>(CustomFieldRecordType.Contact, request.CustomFields, request.OrderByCustomField, cancellationToken);
        var spec = new ContactListSpecification(context.RequireOrganizationId(), request, matching, custom);
        return await store.ToPageAsync(
            store.Query(spec).ProjectTo<ContactDto>(mapper.ConfigurationProvider),
            request,
            request.OrderBy == ContactOrder.CreatedAt && custom.SortKey is null ? request.Order : null,
            totals,
            new ListTotalKey(typeof(Contact), $"{request.Search?.Trim().ToLowerInvariant()}|{request.OwnerId}|{request.UpdatedSince:O}|{string.Join(',', (request.ExternalId ?? []).Distinct().Order(StringComparer.Ordinal))}|{request.CompanyId}|{string.Join(',', RecordTags.FilterKeys(request.Tag))}|{custom.Text}"),
            cancellationToken);
    }
}
