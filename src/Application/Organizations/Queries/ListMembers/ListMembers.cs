using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Models;
using Crm.Application.Common.Security;
using Crm.Application.Organizations.Common;
using Crm.Domain.Organizations;
using Crm.Domain.Users;
using FluentValidation;
using MediatR;

namespace Crm.Application.Organizations.Queries.ListMembers;

/// <summary>The current organization's members, oldest first.</summary>
public sealed record ListMembersQuery(int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<MemberDto>>, IOrganizationScoped, IPagedRequest;

public sealed class ListMembersQueryHandler(IReadStore store, IRequestContext context)
    : IRequestHandler<ListMembersQuery, PagedList<MemberDto>>
{
    public Task<PagedList<MemberDto>> Handle(ListMembersQuery request, CancellationToken cancellationToken)
    {
        var organizationId = context.RequireOrganizationId();
        var query =
            from m in store.Query<Membership>()
            join u in store.Query<User>() on m.UserId equals u.Id
            where m.OrganizationId == organizationId
            orderby m.CreatedAt, m.UserId
            select new MemberDto(
                u.Id, u.Email, u.Name, m.Role, m.CreatedAt,
                store.Query<TwoFactorCredential>().Any(c => c.UserId == u.Id && c.EnabledAt != null));
        return store.ToPageAsync(query, request, cancellationToken);
    }
}
