using Crm.Application.Common.Auditing;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Domain.Activities;
using Crm.Domain.Errors;
using MediatR;

namespace Crm.Application.Activities.Commands.DeleteActivity;

/// <summary>Deletes a logged activity or a comment; its author may, and managers, admins and owners.</summary>
[NoValidator("Its only input is the id in the path, which routing accepts as a UUID only.")]
[AuditAction("delete_activity")]
public sealed record DeleteActivityCommand(Guid Id) : ICommand<Unit>, IOrganizationScoped;

public sealed class DeleteActivityCommandHandler(IRepository<Activity> activities, IRequestContext context)
    : IRequestHandler<DeleteActivityCommand, Unit>
{
    public async Task<Unit> Handle(DeleteActivityCommand request, CancellationToken cancellationToken)
    {
        var activity = await activities.GetInOrganizationAsync(request.Id, context, ErrorCatalog.ActivityNotFound, cancellationToken);
        activity.Delete(context.RequireActor());
        activities.Remove(activity);
        return Unit.Value;
    }
}
