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
using Crm.Domain.Tasks;
using MediatR;

namespace Crm.Application.Tasks.Commands.CreateTask;

/// <summary>
/// Adds a task to a deal, a contact or a company (exactly one), assigned to the creator unless it names another member; giving it
/// to someone else writes <c>task_assigned</c> on its deal's timeline.
/// </summary>
[AuditAction("create_task")]
public sealed record CreateTaskCommand(
    Guid? DealId, string Title, [MultilineText] string? Description, DateOnly? DueDate, Guid? ContactId = null, Guid? AssigneeId = null,
    Guid? CompanyId = null)
    : ICommand<TaskDto>, IOrganizationScoped;

public sealed class CreateTaskCommandHandler(
    IRepository<DealTask> tasks,
    TaskRecords records,
    IReadStore store,
    IRequestContext context,
    IMapper mapper,
    TimeProvider time,
    ITransactionOutcome outcome)
    : IRequestHandler<CreateTaskCommand, TaskDto>
{
    public async Task<TaskDto> Handle(CreateTaskCommand request, CancellationToken cancellationToken)
    {
        var actor = context.RequireActor();
        var organizationId = context.RequireOrganizationId();
        var record = await records.ReferencedAsync(organizationId, request.DealId, request.ContactId, request.CompanyId, cancellationToken);
        var today = await store.OrganizationTodayAsync(organizationId, time, cancellationToken);
        var task = DealTask.Create(record, actor, request.Title, request.Description, request.DueDate, today, time.UtcNow(), request.AssigneeId);
        await store.EnsureAssigneeAsync(organizationId, request.AssigneeId, cancellationToken);
        tasks.Add(task);
        return outcome.VersionedAfterCommit(mapper.Map<TaskDto>(task), task);
    }
}
