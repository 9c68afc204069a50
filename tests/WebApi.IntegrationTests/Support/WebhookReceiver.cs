using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Crm.WebApi.IntegrationTests.Support;

/// <summary>A webhook as it arrived.</summary>
public sealed record ReceivedWebhook(string EventId, string EventType, string Timestamp, string Signature, string Body)
{
    /// <summary>Whether one of the signatures is the HMAC of "{timestamp}.{body}" with this secret.</summary>
    public bool IsSignedWith(string secret)
    {
        var expected = "v1=" + Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{Timestamp}.{Body}")));
        return Signature.Split(',').Any(s => CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(s.Trim()), Encoding.ASCII.GetBytes(expected)));
    }
}

/// <summary>
/// A real HTTP receiver on loopback: counts what arrives and answers with the statuses queued for it (200 once the
/// queue is empty).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<ReceivedWebhook> _received = Channel.CreateUnbounded<ReceivedWebhook>();

    private WebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<int> Answers { get; } = new();

    public string Url => _app.Urls.Single().Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/hook";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            await receiver._received.Writer.WriteAsync(new ReceivedWebhook(
                http.Request.Headers["Crm-Event-Id"].ToString(), http.Request.Headers["Crm-Event-Type"].ToString(),
                http.Request.Headers["Crm-Timestamp"].ToString(), http.Request.Headers["Crm-Signature"].ToString(), body));
            http.Response.StatusCode = receiver.Answers.TryDequeue(out var status) ? status : 200;
            await http.Response.WriteAsync("received");
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>The next webhook to arrive; fails the test if none comes within a generous bound.</summary>
    public async Task<ReceivedWebhook> NextAsync()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await _received.Reader.ReadAsync(bound.Token);
    }

    /// <summary>Whatever has arrived and not been read yet.</summary>
    public List<ReceivedWebhook> Drain()
    {
        var items = new List<ReceivedWebhook>();
        while (_received.Reader.TryRead(out var item))
        {
            items.Add(item);
        }

        return items;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
