using AutoMapper;
using AutoMapper.QueryableExtensions;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Deals.Common;
using Crm.Domain.Deals;
using MediatR;

namespace Crm.Application.Deals.Queries.GetDeal;

public sealed record GetDealQuery(Guid Id) : IQuery<DealDto>, IOrganizationScoped;

public sealed class GetDealQueryHandler(IReadStore store, IRequestContext context, IMapper mapper)
    : IRequestHandler<GetDealQuery, DealDto>
{
    public async Task<DealDto> Handle(GetDealQuery request, CancellationToken cancellationToken)
    {
        var organizationId = context.RequireOrganizationId();
        var query = store.Query<Deal>()
            .Where(d => d.Id == request.Id && d.OrganizationId == organizationId)
            .ProjectTo<DealDto>(mapper.ConfigurationProvider);
        return await store.FirstOrDefaultAsync(query, cancellationToken)
            ?? throw new NotFoundException("deal_not_found", "No deal has this id.");
    }
}
