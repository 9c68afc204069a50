using AutoMapper;
using AutoMapper.QueryableExtensions;
using Crm.Application.Common.Caching;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Models;
using Crm.Application.Common.Security;
using Crm.Application.Common.Specifications;
using Crm.Application.Contacts.Common;
using Crm.Domain.Contacts;
using FluentValidation;
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
    string? Cursor = null) : IQuery<PagedList<ContactDto>>, IOrganizationScoped, IPagedRequest;

public sealed class ListContactsValidator : AbstractValidator<ListContactsQuery>
{
    public ListContactsValidator()
    {
        Include(PagingValidator.Instance);
        RuleFor(q => q.Search).MaximumLength(200);
        RuleFor(q => q.OrderBy).IsInEnum();
        RuleFor(q => q.Order).IsInEnum();
    }
}

/// <summary>The organization's contacts, filtered and in a stable order (ties broken by id).</summary>
public sealed class ContactListSpecification : Specification<Contact>
{
    public ContactListSpecification(Guid organizationId, Guid? ownerId, ContactOrder orderBy, SortOrder order)
    {
        var descending = order == SortOrder.Desc;
        Where(c => c.OrganizationId == organizationId);
        if (ownerId is { } owner)
        {
            Where(c => c.OwnerId == owner);
        }

        if (orderBy == ContactOrder.Name)
        {
            OrderBy(c => c.Name.ToLower(), descending);
        }
        else
        {
            OrderBy(c => c.CreatedAt, descending);
        }

        OrderBy(c => c.Id, descending);
    }
}

public sealed class ListContactsQueryHandler(
    IReadStore store, IContactSearch search, IRequestContext context, IMapper mapper, IListTotals totals)
    : IRequestHandler<ListContactsQuery, PagedList<ContactDto>>
{
    public Task<PagedList<ContactDto>> Handle(ListContactsQuery request, CancellationToken cancellationToken)
    {
        var actor = context.RequireActor();
        actor.EnsureMayFilterByOwner(request.OwnerId);
        var contacts = store.Query<Contact>();
        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            contacts = search.Matching(contacts, request.Search.Trim());
        }

        var spec = new ContactListSpecification(context.RequireOrganizationId(), request.OwnerId, request.OrderBy, request.Order);
        return store.ToPageAsync(
            spec.Apply(contacts).ProjectTo<ContactDto>(mapper.ConfigurationProvider),
            request,
            request.OrderBy == ContactOrder.CreatedAt ? request.Order : null,
            totals,
            new ListTotalKey(typeof(Contact), $"{request.Search?.Trim().ToLowerInvariant()}|{request.OwnerId}"),
            cancellationToken);
    }
}
