using AutoMapper;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Concurrency;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Common.Transactions;
using Crm.Application.Common.Validation;
using Crm.Application.Tasks.Common;
using Crm.Domain.Common;
using Crm.Domain.Deals;
using Crm.Domain.Tasks;
using MediatR;

namespace Crm.Application.Tasks.Commands.CreateTask;

[AuditAction("create_task")]
public sealed record CreateTaskCommand(Guid DealId, string Title, [MultilineText] string? Description, DateOnly? DueDate)
    : ICommand<TaskDto>, IOrganizationScoped;

public sealed class CreateTaskCommandHandler(
    IRepository<DealTask> tasks,
    IRepository<Deal> deals,
    IRequestContext context,
    IMapper mapper,
    TimeProvider time,
    ITransactionOutcome outcome)
    : IRequestHandler<CreateTaskCommand, TaskDto>
{
    public async Task<TaskDto> Handle(CreateTaskCommand request, CancellationToken cancellationToken)
    {
        var actor = context.RequireActor();
        var deal = await deals.GetReferencedDealAsync(context.RequireOrganizationId(), request.DealId, cancellationToken);
        var task = DealTask.Create(deal, actor, request.Title, request.Description, request.DueDate, time.TodayUtc(), time.UtcNow());
        tasks.Add(task);
        return outcome.VersionedAfterCommit(mapper.Map<TaskDto>(task), task);
    }
}
