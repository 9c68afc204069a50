using System.Globalization;
using System.Text;
using System.Text.Json;
using Crm.Application.Common.Exceptions;
using Crm.Application.Notifications.Queries.ReadNotificationStream;
using Crm.Domain.Errors;
using Crm.Infrastructure.Notifications.Live;
using MediatR;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Crm.WebApi.Http;

/// <summary>
/// The signed-in person's notifications as server-sent events: those stored after the Last-Event-ID first (a resume
/// misses nothing that was stored meanwhile), then each one as it is stored, with a comment as heartbeat while idle. It
/// ends when the client leaves, or when its session or access token ends (checked by <see cref="LiveSessionWatch"/>).
/// </summary>
public static class NotificationEventStream
{
    public const string ContentType = "text/event-stream";
    public const string EventName = "notification";

    /// <summary>How long a client waits before reconnecting after the stream ends, sent as the stream's <c>retry</c> field.</summary>
    private const int ReconnectMilliseconds = 3000;

    public static async Task RunAsync(
        HttpContext http, IMediator mediator, Guid? organizationId, string? lastEventId, CancellationToken requestAborted)
    {
        var after = ParseCursor(lastEventId);
        if (!LiveCaller.TryRead(http.User, out var caller))
        {
            throw new UnauthorizedException(ErrorCatalog.AuthenticationRequired);
        }

        var services = http.RequestServices;
        var feed = services.GetRequiredService<NotificationFeed>();
        var connections = services.GetRequiredService<LiveConnections>();
        var settings = services.GetRequiredService<IOptionsMonitor<LiveNotificationOptions>>().CurrentValue;
        var json = services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

        // Subscribed before the first read, so that nothing stored between the read and the wait goes unnoticed.
        var subscription = await feed.SubscribeAsync(caller.UserId);
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        var connectionId = $"stream:{Guid.NewGuid()}";
        try
        {
            // The first read checks the organization (403) before anything is sent.
            var page = await mediator.Send(new ReadNotificationStreamQuery(after, organizationId), requestAborted);
            if (!connections.TryOpen(new LiveConnection(connectionId, LiveConnectionKind.Stream, caller, () => Cancel(ended))))
            {
                throw new TooManyRequestsException(
                    ErrorCatalog.TooManyLiveConnections, settings.HeartbeatInterval,
                    $"At most {settings.MaxStreamsPerUser} notification streams may be open at once.")
                {
                    Limit = settings.MaxStreamsPerUser,
                };
            }

            http.Response.ContentType = ContentType;
            http.Response.Headers.CacheControl = "no-cache";
            http.Response.Headers["X-Accel-Buffering"] = "no";
            http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            await http.Response.StartAsync(requestAborted);
            await WriteAsync(http, $"retry: {ReconnectMilliseconds}\n\n", requestAborted);
            while (!ended.IsCancellationRequested)
            {
                foreach (var item in page.Items)
                {
                    var data = JsonSerializer.Serialize(item.Notification, json);
                    await WriteAsync(http, $"id: {item.Sequence.ToString(CultureInfo.InvariantCulture)}\nevent: {EventName}\ndata: {data}\n\n", ended.Token);
                }

                var cursor = page.Cursor;
                if (page.Items.Count < ReadNotificationStreamQuery.MaxTake
                    && !await subscription.WaitAsync(settings.HeartbeatInterval, ended.Token))
                {
                    await WriteAsync(http, ": heartbeat\n\n", ended.Token);
                }

                // Read again after every wake-up and every heartbeat: a wake-up lost between instances delays, never loses.
                page = await mediator.Send(new ReadNotificationStreamQuery(cursor, organizationId), ended.Token);
            }
        }
        catch (OperationCanceledException) when (ended.IsCancellationRequested)
        {
            // The client left, or its session or token ended: the stream ends.
        }
        finally
        {
            connections.Remove(connectionId);
            feed.Unsubscribe(subscription);
        }
    }

    /// <summary>The cursor to resume after: absent starts from now; anything but a cursor the stream sent is refused.</summary>
    private static long? ParseCursor(string? lastEventId)
    {
        if (string.IsNullOrEmpty(lastEventId))
        {
            return null;
        }

        return lastEventId.Length <= 19 && long.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out var cursor)
            ? cursor
            : throw new InvalidInputException(ErrorCatalog.InvalidLastEventId);
    }

    private static void Cancel(CancellationTokenSource ended)
    {
        try
        {
            ended.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The stream had already ended.
        }
    }

    private static async Task WriteAsync(HttpContext http, string text, CancellationToken cancellationToken)
    {
        await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await http.Response.Body.FlushAsync(cancellationToken);
    }
}
