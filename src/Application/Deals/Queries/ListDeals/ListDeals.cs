using AutoMapper;
using AutoMapper.QueryableExtensions;
using Crm.Application.Common.Caching;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Models;
using Crm.Application.Common.Security;
using Crm.Application.CustomFields.Common;
using Crm.Application.Deals.Common;
using Crm.Domain.CustomFields;
using Crm.Domain.Deals;
using Crm.Domain.Records;
using MediatR;

namespace Crm.Application.Deals.Queries.ListDeals;

public enum DealOrder
{
    CreatedAt,
    UpdatedAt,
    Amount,
    Title,
}

public sealed record ListDealsQuery(
    int Page = 1,
    int PageSize = Paging.DefaultPageSize,
    IReadOnlyList<DealStatus>? Status = null,
    DealStage? Stage = null,
    decimal? MinAmount = null,
    decimal? MaxAmount = null,
    Guid? ContactId = null,
    Guid? OwnerId = null,
    DealOrder OrderBy = DealOrder.CreatedAt,
    SortOrder Order = SortOrder.Asc,
    string? Cursor = null,
    DateTime? UpdatedSince = null,
    IReadOnlyList<string>? ExternalId = null,
    Guid? CompanyId = null,
    IReadOnlyList<string>? Tag = null,
    DateOnly? ExpectedCloseBefore = null,
    DateOnly? ExpectedCloseAfter = null,
    IReadOnlyList<CustomFieldFilter>? CustomFields = null,
    string? OrderByCustomField = null) : IQuery<PagedList<DealDto>>, IOrganizationScoped, IPagedRequest;

public sealed class ListDealsQueryHandler(
    IReadStore store, IRequestContext context, IMapper mapper, IListTotals totals, CustomFieldListing customFields)
    : IRequestHandler<ListDealsQuery, PagedList<DealDto>>
{
    public async Task<PagedList<DealDto>> Handle(ListDealsQuery request, CancellationToken cancellationToken)
    {
        context.RequireActor().EnsureMayFilterByOwner(request.OwnerId);
        var custom = await customFields.ResolveAsync<Deal>(CustomFieldRecordType.Deal, request.CustomFields, request.OrderByCustomField, cancellationToken);
        var spec = new DealListSpecification(context.RequireOrganizationId(), request, custom);
        return await store.ToPageAsync(
            store.Query(spec).ProjectTo<DealDto>(mapper.ConfigurationProvider),
            request,
            request.OrderBy == DealOrder.CreatedAt && custom.SortKey is null ? request.Order : null,
            totals,
            new ListTotalKey(typeof(Deal), Filters(request) + "|" + custom.Text),
            cancellationToken);
    }

    private static string Filters(ListDealsQuery q) => string.Join(
        '|',
        string.Join(',', (q.Status ?? []).Distinct().Order()),
        q.Stage,
        q.MinAmount?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        q.MaxAmount?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        q.ContactId,
        q.OwnerId,
        q.UpdatedSince?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        string.Join(',', (q.ExternalId ?? []).Distinct().Order(StringComparer.Ordinal)),
        q.CompanyId,
        string.Join(',', RecordTags.FilterKeys(q.Tag)),
        q.ExpectedCloseBefore?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        q.ExpectedCloseAfter?.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
}
