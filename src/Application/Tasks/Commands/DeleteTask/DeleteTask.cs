using Crm.Application.Common.Auditing;
using Crm.Application.Common.Concurrency;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Tasks.Common;
using Crm.Domain.Errors;
using Crm.Domain.Tasks;
using MediatR;

namespace Crm.Application.Tasks.Commands.DeleteTask;

[NoValidator("Its only input is the id in the path, which routing accepts as a UUID only.")]
[AuditAction("delete_task")]
public sealed record DeleteTaskCommand(Guid Id, VersionCondition? IfMatch = null) : ICommand<Unit>, IOrganizationScoped;

public sealed class DeleteTaskCommandHandler(IRepository<DealTask> tasks, TaskRecords records, IRequestContext context, WritePreconditions preconditions)
    : IRequestHandler<DeleteTaskCommand, Unit>
{
    public async Task<Unit> Handle(DeleteTaskCommand request, CancellationToken cancellationToken)
    {
        var task = await tasks.GetInOrganizationAsync(request.Id, context, ErrorCatalog.TaskNotFound, cancellationToken);
        preconditions.Require(task, request.IfMatch);
        var record = await task.GetRecordOfAsync(records, context, cancellationToken);
        task.Delete(record, context.RequireActor());
        tasks.Remove(task);
        return Unit.Value;
    }
}
