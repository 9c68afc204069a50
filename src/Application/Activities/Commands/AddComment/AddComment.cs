using System.Text.Json.Serialization;
using AutoMapper;
using Crm.Application.Activities.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Models;
using Crm.Application.Common.Security;
using Crm.Application.Common.Validation;
using Crm.Domain.Activities;
using Crm.Domain.Activities.Rules;
using Crm.Domain.Common;
using Crm.Domain.Deals;
using Crm.Domain.Errors;
using MediatR;

namespace Crm.Application.Activities.Commands.AddComment;

/// <summary>
/// Adds a comment to a deal's timeline (shown on its contact's and company's too); any member of the organization may
/// comment, and mention members as <c>@[Name](user:&lt;uuid&gt;)</c>.
/// </summary>
[AuditAction("add_activity")]
public sealed record AddActivityCommand([property: JsonIgnore] Guid DealId, ActivityType? Type, CommentPayload? Payload)
    : ICommand<ActivityDto>, IOrganizationScoped;

public sealed record CommentPayload([MultilineText] string? Text);

public sealed class AddActivityCommandHandler(
    IRepository<Activity> activities, IRepository<Deal> deals, IReadStore store, IRequestContext context, TimelineClock clock, IMapper mapper)
    : IRequestHandler<AddActivityCommand, ActivityDto>
{
    public async Task<ActivityDto> Handle(AddActivityCommand request, CancellationToken cancellationToken)
    {
        var actor = context.RequireActor();
        var organizationId = context.RequireOrganizationId();
        var deal = await deals.FindAsync(request.DealId, cancellationToken);
        if (deal is null || deal.OrganizationId != organizationId)
        {
            throw new NotFoundException(ErrorCatalog.DealNotFound);
        }

        var links = TimelineLinks.OfDeal(deal);

        BusinessRules.Check(new OnlyCommentsAreWrittenByPeople(request.Type!.Value));
        var payload = TimelineJson.Serialize(new { text = request.Payload!.Text });
        var mentions = await store.MentionedMembersAsync(organizationId, ActivityType.Comment, request.Payload.Text, cancellationToken);
        var activity = Activity.Record(
            organizationId, links, actor.UserId, ActivityType.Comment, payload, clock.Next(), context.ActorTypeOf(actor.UserId), mentions);
        activities.Add(activity);
        return mapper.Map<ActivityDto>(activity);
    }
}
