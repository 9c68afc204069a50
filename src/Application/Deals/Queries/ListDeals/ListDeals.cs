using AutoMapper;
using AutoMapper.QueryableExtensions;
using Crm.Application.Common.Caching;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Models;
using Crm.Application.Common.Security;
using Crm.Application.Common.Specifications;
using Crm.Application.Deals.Common;
using Crm.Domain.Deals;
using FluentValidation;
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
    string? Cursor = null) : IQuery<PagedList<DealDto>>, IOrganizationScoped, IPagedRequest;

public sealed class ListDealsValidator : AbstractValidator<ListDealsQuery>
{
    public ListDealsValidator()
    {
        Include(PagingValidator.Instance);
        RuleFor(q => q.MinAmount).GreaterThanOrEqualTo(0);
        RuleFor(q => q.MaxAmount).GreaterThanOrEqualTo(q => q.MinAmount ?? 0)
            .WithMessage("must not be less than min_amount");
    }
}

/// <summary>The organization's deals, filtered ("any of" for several statuses) and in a stable order.</summary>
public sealed class DealListSpecification : Specification<Deal>
{
    public DealListSpecification(Guid organizationId, ListDealsQuery query)
    {
        Where(d => d.OrganizationId == organizationId);
        if (query.Status is { Count: > 0 } statuses)
        {
            var any = statuses.Distinct().ToList();
            Where(d => any.Contains(d.Status));
        }

        if (query.Stage is { } stage)
        {
            Where(d => d.Stage == stage);
        }

        if (query.MinAmount is { } min)
        {
            Where(d => d.Amount >= min);
        }

        if (query.MaxAmount is { } max)
        {
            Where(d => d.Amount <= max);
        }

        if (query.ContactId is { } contact)
        {
            Where(d => d.ContactId == contact);
        }

        if (query.OwnerId is { } owner)
        {
            Where(d => d.OwnerId == owner);
        }

        var descending = query.Order == SortOrder.Desc;
        switch (query.OrderBy)
        {
            case DealOrder.UpdatedAt:
                OrderBy(d => d.UpdatedAt, descending);
                break;
            case DealOrder.Amount:
                OrderBy(d => d.Amount, descending);
                break;
            case DealOrder.Title:
                OrderBy(d => d.Title.ToLower(), descending);
                break;
            default:
                OrderBy(d => d.CreatedAt, descending);
                break;
        }

        OrderBy(d => d.Id, descending);
    }
}

public sealed class ListDealsQueryHandler(IReadStore store, IRequestContext context, IMapper mapper, IListTotals totals)
    : IRequestHandler<ListDealsQuery, PagedList<DealDto>>
{
    public Task<PagedList<DealDto>> Handle(ListDealsQuery request, CancellationToken cancellationToken)
    {
        context.RequireActor().EnsureMayFilterByOwner(request.OwnerId);
        var spec = new DealListSpecification(context.RequireOrganizationId(), request);
        return store.ToPageAsync(
            spec.Apply(store.Query<Deal>()).ProjectTo<DealDto>(mapper.ConfigurationProvider),
            request,
            request.OrderBy == DealOrder.CreatedAt ? request.Order : null,
            totals,
            new ListTotalKey(typeof(Deal), Filters(request)),
            cancellationToken);
    }

    private static string Filters(ListDealsQuery q) => string.Join(
        '|',
        string.Join(',', (q.Status ?? []).Distinct().Order()),
        q.Stage,
        q.MinAmount?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        q.MaxAmount?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        q.ContactId,
        q.OwnerId);
}
