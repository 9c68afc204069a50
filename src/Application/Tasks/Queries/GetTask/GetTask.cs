using AutoMapper;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Tasks.Common;
using Crm.Domain.Errors;
using Crm.Domain.Tasks;
using MediatR;

namespace Crm.Application.Tasks.Queries.GetTask;

public sealed record GetTaskQuery(Guid Id) : IQuery<TaskDto>, IOrganizationScoped;

public sealed class GetTaskQueryHandler(IReadStore store, IRequestContext context, IMapper mapper)
    : IRequestHandler<GetTaskQuery, TaskDto>
{
    public Task<TaskDto> Handle(GetTaskQuery request, CancellationToken cancellationToken) =>
        store.GetProjectedAsync<DealTask, TaskDto>(request.Id, context, mapper, ErrorCatalog.TaskNotFound, cancellationToken);
}
