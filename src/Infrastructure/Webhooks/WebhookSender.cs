using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Crm.Application.Webhooks.Common;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.Webhooks;

/// <summary>
/// Sends one signed POST. The connection is made to the addresses checked at that moment (a name that resolves to a
/// private address after registration is refused there: no DNS rebinding), redirects are not followed, and only the
/// first 4 KB of the answer is read.
/// </summary>
internal sealed class WebhookSender : IDisposable
{
    private readonly HttpClient _client;
    private readonly IWebhookTargetPolicy _policy;
    private readonly IOptionsMonitor<WebhookOptions> _options;

    public WebhookSender(IWebhookTargetPolicy policy, IOptionsMonitor<WebhookOptions> options)
    {
        _policy = policy;
        _options = options;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = ConnectAsync,
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public async Task<(int StatusCode, string Body, TimeSpan? RetryAfter)> SendAsync(
        string url, Guid eventId, string eventType, string payload, string signature, long timestamp, CancellationToken cancellationToken)
    {
        if (await _policy.CheckAsync(url, cancellationToken) is { } refused)
        {
            throw new WebhookTargetRefusedException(refused);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.EventIdHeader, eventId.ToString());
        request.Headers.Add(WebhookSignature.EventTypeHeader, eventType);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.Header, signature);
        request.Headers.UserAgent.ParseAdd("Crm-Webhooks/1");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.CurrentValue.Timeout);
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var body = await ReadStartAsync(response, timeout.Token);
        var retryAfter = response.Headers.RetryAfter is { } r
            ? r.Delta ?? (r.Date is { } date ? date - DateTimeOffset.UtcNow : null)
            : null;
        return ((int)response.StatusCode, body, retryAfter);
    }

    public void Dispose() => _client.Dispose();

    private static async Task<string> ReadStartAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[Crm.Domain.Webhooks.WebhookDelivery.ResponseBodyMaxLength];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += n;
        }

        // Cut at a character boundary: the stored text stays valid UTF-8 and within the column's length.
        var text = Encoding.UTF8.GetString(buffer, 0, read).Replace("\0", string.Empty, StringComparison.Ordinal);
        return text.Length > buffer.Length ? text[..buffer.Length] : text;
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = await WebhookTargetPolicy.ResolveAsync(
            new UriBuilder("https", context.DnsEndPoint.Host).Uri, cancellationToken);
        if (addresses is null || addresses.Length == 0)
        {
            throw new WebhookTargetRefusedException(Domain.Errors.ErrorCatalog.WebhookUrlUnresolvable);
        }

        if (!_options.CurrentValue.AllowPrivateTargets && addresses.Any(a => !WebhookTargetPolicy.IsPublic(a)))
        {
            throw new WebhookTargetRefusedException(Domain.Errors.ErrorCatalog.WebhookUrlPrivate);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Milliseconds since <paramref name="start"/>, for the delivery log.</summary>
    public static int Elapsed(long start) => (int)Stopwatch.GetElapsedTime(start).TotalMilliseconds;
}
