using System.Globalization;
using System.Text.Json;
using Crm.Application.Common.Models;
using Crm.Domain.Activities;
using Crm.Domain.Auditing;
using Crm.Domain.Common;
using Crm.Domain.Companies.Events;
using Crm.Domain.Contacts.Events;
using Crm.Domain.Deals.Events;
using Crm.Domain.Tasks;

namespace Crm.Application.Activities.Common;

/// <summary>
/// The timeline entry a domain event writes, if any: its records, author, type and JSON payload. A deal's entry names
/// the deal only, and a task's entry its deal only: <see cref="Links"/> are completed with the deal's contact and
/// company (or the task's contact or company) before it is written.
/// </summary>
public sealed record TimelineEntry(Guid OrganizationId, ActivityLinks Links, Guid AuthorId, ActivityType Type, string Payload)
{
    public TimelineEntry(Guid organizationId, Guid dealId, Guid authorId, ActivityType type, string payload)
        : this(organizationId, ActivityLinks.OfDeal(dealId), authorId, type, payload)
    {
    }

    /// <summary>The task an entry is about, whose contact or company it shows on when it has no deal.</summary>
    public Guid? TaskId { get; init; }

    public static TimelineEntry? For(IDomainEvent domainEvent) => domainEvent switch
    {
        ContactCreated e => new(e.OrganizationId, new ActivityLinks(null, e.ContactId, null), e.ActorId, ActivityType.System, TimelineJson.Serialize(new { @event = "contact_created" })),
        ContactUpdated e => new(e.OrganizationId, new ActivityLinks(null, e.ContactId, null), e.ActorId, ActivityType.ContactUpdated, Changes(e.Changes)),
        CompanyCreated e => new(e.OrganizationId, new ActivityLinks(null, null, e.CompanyId), e.ActorId, ActivityType.System, TimelineJson.Serialize(new { @event = "company_created" })),
        CompanyUpdated e => new(e.OrganizationId, new ActivityLinks(null, null, e.CompanyId), e.ActorId, ActivityType.CompanyUpdated, Changes(e.Changes)),
        DealCreated e => new(e.OrganizationId, e.DealId, e.ActorId, ActivityType.System, TimelineJson.Serialize(new { @event = "deal_created", title = e.Title })),
        DealStatusChanged e => new(e.OrganizationId, e.DealId, e.ActorId, ActivityType.StatusChanged, TimelineJson.Serialize(new { from = e.From, to = e.To })),
        DealStageChanged e => new(e.OrganizationId, e.DealId, e.ActorId, ActivityType.StageChanged, TimelineJson.Serialize(new { from = e.From, to = e.To, from_entered_at = e.FromEnteredAt })),
        DealUpdated e => new(e.OrganizationId, e.DealId, e.ActorId, ActivityType.DealUpdated, Changes(e.Changes)),
        TaskCreated e => new(e.OrganizationId, new ActivityLinks(e.DealId, null, null), e.ActorId, ActivityType.TaskCreated, TimelineJson.Serialize(new { task_id = e.TaskId, title = e.Title })) { TaskId = e.TaskId },
        TaskCompleted e => new(e.OrganizationId, new ActivityLinks(e.DealId, null, null), e.ActorId, ActivityType.TaskCompleted, TimelineJson.Serialize(new { task_id = e.TaskId, title = e.Title })) { TaskId = e.TaskId },
        TaskAssigned e => new(e.OrganizationId, new ActivityLinks(e.DealId, null, null), e.ActorId, ActivityType.TaskAssigned, TimelineJson.Serialize(new { task_id = e.TaskId, title = e.Title, from = e.From, to = e.To })) { TaskId = e.TaskId },
        _ => null,
    };

    private static string Changes(IEnumerable<FieldChange> changes) =>
        TimelineJson.Serialize(new { changes = changes.Select(c => new FieldChangeDto(c.Field, Text(c.From), Text(c.To))) });

    private static string? Text(object? value) => value switch
    {
        null => null,
        decimal amount => amount.ToString("0.00", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        // Tags: from and to are strings in the timeline, so a list is its JSON text (a tag may hold a comma).
        string[] list => JsonSerializer.Serialize(list),
        JsonElement { ValueKind: JsonValueKind.String } text => text.GetString(),
        JsonElement json => json.GetRawText(),
        _ => value.ToString(),
    };

    public Activity ToActivity(DateTime at, ActorType authorType = ActorType.User) =>
        Activity.Record(OrganizationId, Links, AuthorId, Type, Payload, at, authorType);
}
