using System.Globalization;
using System.Text.Json;
using Crm.Application.Common.Models;
using Crm.Domain.Activities;
using Crm.Domain.Auditing;
using Crm.Domain.Common;
using Crm.Domain.Deals.Events;
using Crm.Domain.Tasks;

namespace Crm.Application.Activities.Common;

/// <summary>The timeline entry a domain event writes, if any: its deal, author, type and JSON payload.</summary>
public sealed record TimelineEntry(Guid OrganizationId, Guid DealId, Guid AuthorId, ActivityType Type, string Payload)
{
    public static TimelineEntry? For(IDomainEvent domainEvent) => domainEvent switch
    {
        DealCreated e => new(e.OrganizationId, e.DealId, e.ActorId, ActivityType.System, TimelineJson.Serialize(new { @event = "deal_created", title = e.Title })),
        DealStatusChanged e => new(e.OrganizationId, e.DealId, e.ActorId, ActivityType.StatusChanged, TimelineJson.Serialize(new { from = e.From, to = e.To })),
        DealStageChanged e => new(e.OrganizationId, e.DealId, e.ActorId, ActivityType.StageChanged, TimelineJson.Serialize(new { from = e.From, to = e.To })),
        DealUpdated e => new(e.OrganizationId, e.DealId, e.ActorId, ActivityType.DealUpdated, TimelineJson.Serialize(new
        {
            changes = e.Changes.Select(c => new FieldChangeDto(c.Field, Text(c.From), Text(c.To))),
        })),
        // A contact's task has no deal timeline to appear on.
        TaskCreated { DealId: { } dealId } e => new(e.OrganizationId, dealId, e.ActorId, ActivityType.TaskCreated, TimelineJson.Serialize(new { task_id = e.TaskId, title = e.Title })),
        TaskCompleted { DealId: { } dealId } e => new(e.OrganizationId, dealId, e.ActorId, ActivityType.TaskCompleted, TimelineJson.Serialize(new { task_id = e.TaskId, title = e.Title })),
        TaskAssigned { DealId: { } dealId } e => new(e.OrganizationId, dealId, e.ActorId, ActivityType.TaskAssigned, TimelineJson.Serialize(new { task_id = e.TaskId, title = e.Title, from = e.From, to = e.To })),
        _ => null,
    };

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
        Activity.Record(OrganizationId, DealId, AuthorId, Type, Payload, at, authorType);
}
