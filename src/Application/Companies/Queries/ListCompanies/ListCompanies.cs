using AutoMapper;
using AutoMapper.QueryableExtensions;
using Crm.Application.Common.Caching;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Models;
using Crm.Application.Common.Security;
using Crm.Application.Companies.Common;
using Crm.Application.CustomFields.Common;
using Crm.Domain.Companies;
using Crm.Domain.CustomFields;
using Crm.Domain.Records;
using MediatR;

namespace Crm.Application.Companies.Queries.ListCompanies;

public enum CompanyOrder
{
    CreatedAt,
    Name,
}

public sealed record ListCompaniesQuery(
    int Page = 1,
    int PageSize = Paging.DefaultPageSize,
    string? Search = null,
    Guid? OwnerId = null,
    IReadOnlyList<string>? Domain = null,
    CompanyOrder OrderBy = CompanyOrder.CreatedAt,
    SortOrder Order = SortOrder.Asc,
    string? Cursor = null,
    DateTime? UpdatedSince = null,
    IReadOnlyList<string>? Tag = null,
    IReadOnlyList<CustomFieldFilter>? CustomFields = null,
    string? OrderByCustomField = null) : IQuery<PagedList<CompanyDto>>, IOrganizationScoped, IPagedRequest;

public sealed class ListCompaniesQueryHandler(
    IReadStore store, ICompanySearch search, IRequestContext context, IMapper mapper, IListTotals totals, CustomFieldListing customFields)
    : IRequestHandler<ListCompaniesQuery, PagedList<CompanyDto>>
{
    public async Task<PagedList<CompanyDto>> Handle(ListCompaniesQuery request, CancellationToken cancellationToken)
    {
        var actor = context.RequireActor();
        actor.EnsureMayFilterByOwner(request.OwnerId);
        var matching = string.IsNullOrWhiteSpace(request.Search) ? null : search.Matching(request.Search.Trim());
        var domains = (request.Domain ?? []).Select(CompanyDomain.Normalize).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var custom = await customFields.ResolveAsync<Company>(CustomFieldRecordType.Company, request.CustomFields, request.OrderByCustomField, cancellationToken);
        var spec = new CompanyListSpecification(context.RequireOrganizationId(), request, domains, matching, custom);
        return await store.ToPageAsync(
            store.Query(spec).ProjectTo<CompanyDto>(mapper.ConfigurationProvider),
            request,
            request.OrderBy == CompanyOrder.CreatedAt && custom.SortKey is null ? request.Order : null,
            totals,
            new ListTotalKey(typeof(Company), $"{request.Search?.Trim().ToLowerInvariant()}|{request.OwnerId}|{request.UpdatedSince:O}|{string.Join(',', domains)}|{string.Join(',', RecordTags.FilterKeys(request.Tag))}|{custom.Text}"),
            cancellationToken);
    }
}
