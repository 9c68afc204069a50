using System.Text.Json.Serialization;
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
using Crm.Domain.Errors;
using Crm.Domain.Tasks;
using MediatR;

namespace Crm.Application.Tasks.Commands.UpdateTask;

/// <summary>
/// A partial update; completing the task writes <c>task_completed</c> on its deal's timeline, giving it to another
/// member (or to nobody, with null) <c>task_assigned</c>.
/// </summary>
[AuditAction("update_task")]
public sealed record UpdateTaskCommand(
    [property: JsonIgnore] Guid Id, Optional<string> Title, [MultilineText] Optional<string?> Description, Optional<DateOnly?> DueDate, Optional<bool> IsDone,
    Optional<Guid?> AssigneeId = default,
    [property: JsonIgnore] VersionCondition? IfMatch = null)
    : ICommand<TaskDto>, IOrganizationScoped;

public sealed class UpdateTaskCommandHandler(
    IRepository<DealTask> tasks,
    TaskRecords records,
    IReadStore store,
    IRequestContext context,
    IMapper mapper,
    TimeProvider time,
    WritePreconditions preconditions,
    ITransactionOutcome outcome)
    : IRequestHandler<UpdateTaskCommand, TaskDto>
{
    public async Task<TaskDto> Handle(UpdateTaskCommand request, CancellationToken cancellationToken)
    {
        var actor = context.RequireActor();
        var task = await tasks.GetInOrganizationAsync(request.Id, context, ErrorCatalog.TaskNotFound, cancellationToken);
        preconditions.Require(task, request.IfMatch);
        var record = await task.GetRecordOfAsync(records, context, cancellationToken);
        var organizationId = context.RequireOrganizationId();
        var today = await store.OrganizationTodayAsync(organizationId, time, cancellationToken);
        task.Update(
            record,
            actor,
            new TaskChanges(request.Title, request.Description, request.DueDate, request.IsDone, request.AssigneeId),
            today,
            time.UtcNow());
        if (request.AssigneeId.IsSet)
        {
            await store.EnsureAssigneeAsync(organizationId, request.AssigneeId.Value, cancellationToken);
        }

        return outcome.VersionedAfterCommit(mapper.Map<TaskDto>(task), task);
    }
}
