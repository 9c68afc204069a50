using System.Text.Json.Serialization;
using AutoMapper;
using Crm.Application.Activities.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Models;
using Crm.Application.Common.Security;
using Crm.Application.Common.Specifications;
using Crm.Application.Common.Validation;
using Crm.Domain.Activities;
using Crm.Domain.Activities.Rules;
using Crm.Domain.Common;
using Crm.Domain.Deals;
using Crm.Domain.Errors;
using MediatR;

namespace Crm.Application.Activities.Commands.AddComment;

/// <summary>Adds a comment to a deal's timeline; any member of the organization may comment.</summary>
[AuditAction("add_activity")]
public sealed record AddActivityCommand([property: JsonIgnore] Guid DealId, ActivityType? Type, CommentPayload? Payload)
    : ICommand<ActivityDto>, IOrganizationScoped;

public sealed record CommentPayload([MultilineText] string? Text);

public sealed class AddActivityCommandHandler(
    IRepository<Activity> activities, IReadStore store, IRequestContext context, TimelineClock clock, IMapper mapper)
    : IRequestHandler<AddActivityCommand, ActivityDto>
{
    public async Task<ActivityDto> Handle(AddActivityCommand request, CancellationToken cancellationToken)
    {
        var actor = context.RequireActor();
        var organizationId = context.RequireOrganizationId();
        if (!await store.AnyAsync(
                store.Query(new RecordInOrganizationSpecification<Deal>(request.DealId, organizationId)), cancellationToken))
        {
            throw new NotFoundException(ErrorCatalog.DealNotFound);
        }

        BusinessRules.Check(new OnlyCommentsAreWrittenByPeople(request.Type!.Value));
        var payload = TimelineJson.Serialize(new { text = request.Payload!.Text });
        var activity = Activity.Record(organizationId, request.DealId, actor.UserId, ActivityType.Comment, payload, clock.Next(), context.ActorTypeOf(actor.UserId));
        activities.Add(activity);
        return mapper.Map<ActivityDto>(activity);
    }
}
