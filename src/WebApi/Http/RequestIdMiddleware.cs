using System.Text.RegularExpressions;

namespace Crm.WebApi.Http;

/// <summary>
/// Gives every request an id a client or proxy can quote: the request's <c>X-Request-Id</c> when it is a sane token
/// (letters, digits and <c>. _ : -</c>, at most 128), a new one otherwise. It is echoed on the response, carried by
/// every log line of the request (scope <c>request_id</c>) and by every problem (<c>request_id</c>).
/// </summary>
public sealed partial class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public const string HeaderName = "X-Request-Id";

    public async Task InvokeAsync(HttpContext http)
    {
        var requested = http.Request.Headers[HeaderName];
        var id = requested.Count == 1 && requested[0] is { } value && SaneToken().IsMatch(value)
            ? value
            : Guid.NewGuid().ToString("N");
        http.TraceIdentifier = id;
        http.Response.OnStarting(() =>
        {
            http.Response.Headers[HeaderName] = id;
            return Task.CompletedTask;
        });
        using (logger.BeginScope(new Dictionary<string, object> { ["request_id"] = id }))
        {
            await next(http);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$")]
    private static partial Regex SaneToken();
}
