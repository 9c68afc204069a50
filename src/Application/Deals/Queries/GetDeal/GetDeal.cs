using AutoMapper;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Deals.Common;
using Crm.Domain.Deals;
using Crm.Domain.Errors;
using MediatR;

namespace Crm.Application.Deals.Queries.GetDeal;

public sealed record GetDealQuery(Guid Id) : IQuery<DealDto>, IOrganizationScoped;

public sealed class GetDealQueryHandler(IReadStore store, IRequestContext context, IMapper mapper)
    : IRequestHandler<GetDealQuery, DealDto>
{
    public Task<DealDto> Handle(GetDealQuery request, CancellationToken cancellationToken) =>
        store.GetProjectedAsync<Deal, DealDto>(request.Id, context, mapper, ErrorCatalog.DealNotFound, cancellationToken);
}
