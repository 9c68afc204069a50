using System.Text.Json.Serialization;
using AutoMapper;
using Crm.Application.Activities.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Common.Validation;
using Crm.Domain.Activities;
using Crm.Domain.Common;
using Crm.Domain.Errors;
using MediatR;

namespace Crm.Application.Activities.Commands.UpdateActivity;

/// <summary>
/// Changes some of a logged activity's fields (fields left out keep their value; subject, duration_minutes and
/// outcome set to null are cleared); its author may, and managers, admins and owners. Its records stay.
/// </summary>
[AuditAction("update_activity")]
public sealed record UpdateActivityCommand(
    [property: JsonIgnore] Guid Id,
    Optional<string?> Subject = default,
    [MultilineText] Optional<string?> Body = default,
    Optional<DateTime?> OccurredAt = default,
    Optional<int?> DurationMinutes = default,
    Optional<string?> Outcome = default)
    : ICommand<ActivityDto>, IOrganizationScoped;

public sealed class UpdateActivityCommandHandler(
    IRepository<Activity> activities, IReadStore store, IRequestContext context, TimeProvider time, IMapper mapper)
    : IRequestHandler<UpdateActivityCommand, ActivityDto>
{
    public async Task<ActivityDto> Handle(UpdateActivityCommand request, CancellationToken cancellationToken)
    {
        var actor = context.RequireActor();
        var activity = await activities.GetInOrganizationAsync(request.Id, context, ErrorCatalog.ActivityNotFound, cancellationToken);
        var body = request.Body.IsSet ? request.Body.Value : activity.Body;
        var details = LoggedActivityInput.Details(
            request.Subject.IsSet ? request.Subject.Value : activity.Subject,
            body ?? string.Empty,
            request.OccurredAt.IsSet ? request.OccurredAt.Value : activity.OccurredAt ?? activity.CreatedAt,
            request.DurationMinutes.IsSet ? request.DurationMinutes.Value : activity.DurationMinutes,
            request.Outcome.IsSet ? request.Outcome.Value : activity.Outcome);
        var mentions = await store.MentionedMembersAsync(activity.OrganizationId, activity.Type, details.Body, cancellationToken);
        activity.Edit(actor, details, mentions, time.UtcNow());
        return mapper.Map<ActivityDto>(activity);
    }
}
