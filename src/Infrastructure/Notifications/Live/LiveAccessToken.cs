using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;

namespace Crm.Infrastructure.Notifications.Live;

/// <summary>
/// Where an access token may come in the query string (<c>access_token</c>) instead of the Authorization header: only
/// where a client cannot set headers, the hub's WebSocket and event-stream transports and the notification event
/// stream. Everywhere else a token in the query is ignored (it would end up in logs and browser histories).
/// </summary>
public static class LiveAccessToken
{
    public const string QueryName = "access_token";
    public const string StreamPath = "/api/v1/notifications/stream";

    /// <summary>The bearer handler's hook: takes the query's token where <see cref="AcceptsQueryToken"/> allows it.</summary>
    public static Task ReadFromQuery(MessageReceivedContext context)
    {
        var request = context.Request;
        if (string.IsNullOrEmpty(request.Headers.Authorization) && AcceptsQueryToken(context.HttpContext)
            && request.Query.TryGetValue(QueryName, out var token) && token.Count == 1)
        {
            context.Token = token[0];
        }

        return Task.CompletedTask;
    }

    public static bool AcceptsQueryToken(HttpContext http)
    {
        var request = http.Request;
        if (!HttpMethods.IsGet(request.Method))
        {
            return false;
        }

        if (request.Path.Equals(StreamPath, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return request.Path.StartsWithSegments(NotificationHub.Path, StringComparison.OrdinalIgnoreCase)
            && (http.WebSockets.IsWebSocketRequest
                || request.Headers.Accept.Any(a => a?.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase) == true));
    }
}
