using AutoMapper;
using AutoMapper.QueryableExtensions;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Tasks.Common;
using Crm.Domain.Tasks;
using MediatR;

namespace Crm.Application.Tasks.Queries.GetTask;

public sealed record GetTaskQuery(Guid Id) : IQuery<TaskDto>, IOrganizationScoped;

public sealed class GetTaskQueryHandler(IReadStore store, IRequestContext context, IMapper mapper)
    : IRequestHandler<GetTaskQuery, TaskDto>
{
    public async Task<TaskDto> Handle(GetTaskQuery request, CancellationToken cancellationToken)
    {
        var organizationId = context.RequireOrganizationId();
        var query = store.Query<DealTask>()
            .Where(t => t.Id == request.Id && t.OrganizationId == organizationId)
            .ProjectTo<TaskDto>(mapper.ConfigurationProvider);
        return await store.FirstOrDefaultAsync(query, cancellationToken)
            ?? throw new NotFoundException("task_not_found", "No task has this id.");
    }
}
