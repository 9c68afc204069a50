using Crm.Domain.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Crm.Infrastructure.Notifications.Live;

/// <summary>
/// The signed-in person's live notifications: each connection joins its person's group and receives
/// <see cref="NotificationMessage"/> (a notification as the API lists it) and <see cref="UnreadCountMessage"/>, first
/// when it connects, then whenever the count changes. Clients only listen; the hub has no methods to call.
/// </summary>
[Authorize]
public sealed class NotificationHub(LiveConnections connections, UnreadCounts unreadCounts) : Hub
{
    public const string Path = "/hubs/notifications";
    public const string NotificationMessage = "notification";
    public const string UnreadCountMessage = "unread_count";

    /// <summary>The group of a person's connections, on every instance.</summary>
    public static string GroupOf(Guid userId) => $"user:{userId}";

    public override async Task OnConnectedAsync()
    {
        if (!LiveCaller.TryRead(Context.User, out var caller))
        {
            throw new HubException(ErrorCatalog.AuthenticationRequired.Title);
        }

        var context = Context;
        if (!connections.TryOpen(new LiveConnection(context.ConnectionId, LiveConnectionKind.Hub, caller, context.Abort)))
        {
            throw new HubException($"{ErrorCatalog.TooManyLiveConnections.Code}: {ErrorCatalog.TooManyLiveConnections.Title}");
        }

        try
        {
            await Groups.AddToGroupAsync(context.ConnectionId, GroupOf(caller.UserId), context.ConnectionAborted);
            var counts = await unreadCounts.OfAsync([caller.UserId], context.ConnectionAborted);
            await Clients.Caller.SendAsync(UnreadCountMessage, counts[caller.UserId], context.ConnectionAborted);
        }
        catch
        {
            // A connection that fails to open is closed without OnDisconnectedAsync: it must not keep its place.
            connections.Remove(context.ConnectionId);
            throw;
        }
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.ConnectionId);
        return Task.CompletedTask;
    }
}
