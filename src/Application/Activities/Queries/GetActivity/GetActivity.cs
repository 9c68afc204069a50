using AutoMapper;
using Crm.Application.Activities.Common;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Common.Specifications;
using Crm.Domain.Activities;
using Crm.Domain.Errors;
using MediatR;

namespace Crm.Application.Activities.Queries.GetActivity;

/// <summary>One entry of a deal's timeline.</summary>
[NoValidator("Two ids bound from the route; an unknown pair is a 404.")]
public sealed record GetActivityQuery(Guid DealId, Guid Id) : IQuery<ActivityDto>, IOrganizationScoped;

public sealed class GetActivityQueryHandler(IReadStore store, IRequestContext context, IMapper mapper)
    : IRequestHandler<GetActivityQuery, ActivityDto>
{
    public async Task<ActivityDto> Handle(GetActivityQuery request, CancellationToken cancellationToken)
    {
        var activity = await store.FirstOrDefaultAsync(
            store.Query(new RecordInOrganizationSpecification<Activity>(request.Id, context.RequireOrganizationId())), cancellationToken);
        return activity is not null && activity.DealId == request.DealId
            ? mapper.Map<ActivityDto>(activity)
            : throw new NotFoundException(ErrorCatalog.ActivityNotFound);
    }
}
