using AutoMapper;
using Crm.Application.Activities.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Common.Validation;
using Crm.Application.Companies.Common;
using Crm.Application.Tasks.Common;
using Crm.Domain.Activities;
using Crm.Domain.Contacts;
using Crm.Domain.Deals;
using MediatR;

namespace Crm.Application.Activities.Commands.LogActivity;

/// <summary>
/// Logs a note, call, meeting or email on one or more records (contact, company, deal); any member may. An activity
/// on a deal that names no contact or company shows on the deal's contact's and company's timelines as well.
/// </summary>
[AuditAction("log_activity")]
public sealed record LogActivityCommand(
    ActivityType? Type,
    string? Subject,
    [MultilineText] string? Body,
    DateTime? OccurredAt,
    int? DurationMinutes = null,
    string? Outcome = null,
    Guid? ContactId = null,
    Guid? CompanyId = null,
    Guid? DealId = null)
    : ICommand<ActivityDto>, IOrganizationScoped;

public sealed class LogActivityCommandHandler(
    IRepository<Activity> activities,
    IRepository<Deal> deals,
    IRepository<Contact> contacts,
    IReadStore store,
    IRequestContext context,
    TimelineClock clock,
    IMapper mapper)
    : IRequestHandler<LogActivityCommand, ActivityDto>
{
    public async Task<ActivityDto> Handle(LogActivityCommand request, CancellationToken cancellationToken)
    {
        var actor = context.RequireActor();
        var organizationId = context.RequireOrganizationId();
        var links = await LinksAsync(request, organizationId, cancellationToken);
        var mentions = await store.MentionedMembersAsync(organizationId, request.Type!.Value, request.Body, cancellationToken);
        var activity = Activity.Log(
            organizationId, links, actor.UserId, context.ActorTypeOf(actor.UserId), request.Type.Value,
            LoggedActivityInput.Details(request.Subject, request.Body, request.OccurredAt, request.DurationMinutes, request.Outcome),
            mentions, clock.Next());
        activities.Add(activity);
        return mapper.Map<ActivityDto>(activity);
    }

    private async Task<ActivityLinks> LinksAsync(LogActivityCommand request, Guid organizationId, CancellationToken cancellationToken)
    {
        var contactId = request.ContactId;
        var companyId = request.CompanyId;
        if (contactId is { } contact)
        {
            await contacts.GetReferencedContactAsync(organizationId, contact, cancellationToken);
        }

        await store.EnsureCompanyAsync(organizationId, companyId, cancellationToken);
        if (request.DealId is { } dealId)
        {
            var deal = await deals.GetReferencedDealAsync(organizationId, dealId, cancellationToken);
            if (contactId is null && companyId is null)
            {
                return TimelineLinks.OfDeal(deal);
            }
        }

        return new ActivityLinks(request.DealId, contactId, companyId);
    }
}
