using AutoMapper;
using Crm.Application.Activities.Common;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Domain.Activities;
using Crm.Domain.Errors;
using MediatR;

namespace Crm.Application.Activities.Queries.GetFeedEntry;

/// <summary>One entry of the organization's feed, whichever records it is on.</summary>
[NoValidator("One id bound from the route; an unknown id is a 404.")]
public sealed record GetFeedEntryQuery(Guid Id) : IQuery<ActivityDto>, IOrganizationScoped;

public sealed class GetFeedEntryQueryHandler(IReadStore store, IRequestContext context, IMapper mapper)
    : IRequestHandler<GetFeedEntryQuery, ActivityDto>
{
    public Task<ActivityDto> Handle(GetFeedEntryQuery request, CancellationToken cancellationToken) =>
        store.GetProjectedAsync<Activity, ActivityDto>(request.Id, context, mapper, ErrorCatalog.ActivityNotFound, cancellationToken);
}
