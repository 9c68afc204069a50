using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Models;
using Crm.Application.Notifications.Commands.MarkAllNotificationsRead;
using Crm.Application.Notifications.Commands.MarkNotificationRead;
using Crm.Application.Notifications.Commands.UpdateNotificationPreferences;
using Crm.Application.Notifications.Common;
using Crm.Application.Notifications.Queries.CountUnreadNotifications;
using Crm.Application.Notifications.Queries.GetNotificationPreferences;
using Crm.Application.Notifications.Queries.ListNotifications;
using Crm.Domain.Errors;
using Crm.WebApi.Http;
using Crm.WebApi.OpenApi;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Crm.WebApi.Endpoints;

/// <summary>
/// The signed-in person's own notifications and preferences. They span all the person's organizations, so the
/// organization header is optional here: named, it narrows to that organization (of which the person must be a member).
/// </summary>
public static class Notifications
{
    private const string OrganizationFilter =
        "Without X-Organization-Id, the notifications of all the caller's organizations; with it, that organization's only " +
        "(the caller must be a member: 403 organization_access_denied).";

    public static void MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/notifications").WithTags("Notifications").RequireAuthorization();
        group.MapGet("/", List).WithName("Notifications_List")
            .WithSummary("My notifications, newest first, by cursor")
            .WithDescription(OrganizationFilter + " unread=true lists the unread ones only. Pages by the previous page's next_cursor.")
            .ProducesProblems(ErrorCatalog.InvalidCursor, ErrorCatalog.OrganizationHeaderRequired, ErrorCatalog.OrganizationAccessDenied);
        group.MapGet("/unread-count", UnreadCount).WithName("Notifications_UnreadCount")
            .WithSummary("How many of my notifications are unread")
            .WithDescription(OrganizationFilter)
            .ProducesProblems(ErrorCatalog.OrganizationHeaderRequired, ErrorCatalog.OrganizationAccessDenied);
        group.MapPost("/{id:guid}/read", MarkRead).WithName("Notifications_MarkRead")
            .WithSummary("Mark one of my notifications read")
            .WithDescription("Anyone else's notification is 404. Marking it again keeps the first read_at.")
            .ProducesProblems(ErrorCatalog.NotificationNotFound);
        group.MapPost("/read-all", MarkAllRead).WithName("Notifications_MarkAllRead")
            .WithSummary("Mark all my unread notifications read, or those made at or before a time")
            .WithDescription(OrganizationFilter + " before=<timestamp> leaves unread what arrived after it (what the client has not shown yet).")
            .ProducesProblems(ErrorCatalog.OrganizationHeaderRequired, ErrorCatalog.OrganizationAccessDenied);
        group.MapGet("/stream", Stream).WithName("Notifications_Stream")
            .WithSummary("My notifications as they are stored, as server-sent events (text/event-stream)")
            .WithDescription(OrganizationFilter + " Each event is `id: <cursor>`, `event: notification`, `data: <the notification as " +
                "the list gives it>`. Without Last-Event-ID the stream starts from now; with the Last-Event-ID header (or " +
                "last_event_id=<cursor>), it first sends every notification stored after that event, oldest first, then the new " +
                "ones. A comment line is sent every 15 seconds while idle. The token may come as access_token=<token> in the " +
                "query string on this path (EventSource cannot send headers). At most 5 streams per person at once " +
                "(429 too_many_live_connections). The stream ends when the session is revoked or the access token expires: " +
                "reconnect with a fresh token and the last event id. For SignalR clients the same notifications come through " +
                "the hub at /hubs/notifications.")
            .Produces(StatusCodes.Status200OK, contentType: NotificationEventStream.ContentType)
            .ProducesProblems(ErrorCatalog.InvalidLastEventId, ErrorCatalog.OrganizationHeaderRequired, ErrorCatalog.OrganizationAccessDenied)
            .ProducesProblems(ErrorCatalog.TooManyLiveConnections);
        group.MapGet("/preferences", Preferences).WithName("Notifications_GetPreferences")
            .WithSummary("My notification preferences: channels per type, quiet hours, email digest");
        group.MapPut("/preferences", UpdatePreferences).WithName("Notifications_UpdatePreferences")
            .WithSummary("Replace my notification preferences")
            .WithDescription("Types left out of channels return to their defaults; no quiet_hours means none; no email_digest means off.");
    }

    private static async Task<Ok<PagedList<NotificationDto>>> List(
        IMediator mediator,
        CancellationToken ct,
        [FromHeader(Name = OrganizationScope.HeaderName)] string? organization,
        [FromQuery] bool? unread,
        [FromQuery(Name = "page_size")] int? pageSize,
        [FromQuery] string? cursor,
        [FromQuery] int? page) =>
        TypedResults.Ok(await mediator.Send(
            new ListNotificationsQuery(unread ?? false, OrganizationOf(organization), page ?? 1, pageSize ?? Paging.DefaultPageSize, cursor), ct));

    private static async Task<Ok<UnreadCountDto>> UnreadCount(
        IMediator mediator, CancellationToken ct, [FromHeader(Name = OrganizationScope.HeaderName)] string? organization) =>
        TypedResults.Ok(await mediator.Send(new CountUnreadNotificationsQuery(OrganizationOf(organization)), ct));

    private static async Task<Ok<NotificationDto>> MarkRead([FromRoute] Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new MarkNotificationReadCommand(id), ct));

    private static async Task<Ok<MarkedReadDto>> MarkAllRead(
        IMediator mediator,
        CancellationToken ct,
        [FromHeader(Name = OrganizationScope.HeaderName)] string? organization,
        [FromQuery] DateTime? before) =>
        TypedResults.Ok(await mediator.Send(new MarkAllNotificationsReadCommand(QueryValues.Utc(before), OrganizationOf(organization)), ct));

    private static async Task<EmptyHttpResult> Stream(
        HttpContext http,
        IMediator mediator,
        CancellationToken ct,
        [FromHeader(Name = OrganizationScope.HeaderName)] string? organization,
        [FromHeader(Name = "Last-Event-ID")] string? lastEventIdHeader,
        [FromQuery(Name = "last_event_id")] string? lastEventId)
    {
        // A reconnecting EventSource sends the header; the URL it reconnects to still holds the first last_event_id.
        await NotificationEventStream.RunAsync(
            http, mediator, OrganizationOf(organization), string.IsNullOrEmpty(lastEventIdHeader) ? lastEventId : lastEventIdHeader, ct);
        return TypedResults.Empty;
    }

    private static async Task<Ok<NotificationPreferencesDto>> Preferences(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetNotificationPreferencesQuery(), ct));

    private static async Task<Ok<NotificationPreferencesDto>> UpdatePreferences(
        UpdateNotificationPreferencesCommand command, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(command, ct));

    /// <summary>The optional organization header: absent means every organization; present, it must be a UUID.</summary>
    private static Guid? OrganizationOf(string? header) =>
        string.IsNullOrEmpty(header) ? null
        : Guid.TryParse(header, out var id) ? id
        : throw new InvalidInputException(ErrorCatalog.OrganizationHeaderRequired);
}
