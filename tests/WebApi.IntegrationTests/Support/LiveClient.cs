using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Crm.WebApi.IntegrationTests.Support;

/// <summary>A SignalR client of the notification hub on an in-memory host, collecting what it receives.</summary>
public sealed class LiveClient : IAsyncDisposable
{
    /// <summary>How long a test waits for a message that should come; a bound on a hang, not a speed requirement.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly Channel<JsonNode> _notifications = Channel.CreateUnbounded<JsonNode>();
    private readonly Channel<JsonNode> _unreadCounts = Channel.CreateUnbounded<JsonNode>();
    private readonly TaskCompletionSource<Exception?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LiveClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<JsonNode>("notification", n => _notifications.Writer.TryWrite(n));
        connection.On<JsonNode>("unread_count", c => _unreadCounts.Writer.TryWrite(c));
        connection.Closed += e =>
        {
            _closed.TrySetResult(e);
            return Task.CompletedTask;
        };
    }

    public HubConnection Connection { get; }

    /// <summary>
    /// Connects with <paramref name="token"/>: over WebSockets the token travels as the access_token query parameter, as
    /// browsers send it; over the other transports in the Authorization header.
    /// </summary>
    public static async Task<LiveClient> ConnectAsync<T>(
        WebApplicationFactory<T> factory, string token, HttpTransportType transport = HttpTransportType.WebSockets)
        where T : class
    {
        var server = factory.Server;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "hubs/notifications"), o =>
            {
                o.Transports = transport;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                o.WebSocketFactory = async (context, ct) =>
                {
                    var query = $"{context.Uri.Query.TrimStart('?')}&access_token={Uri.EscapeDataString(token)}";
                    return await server.CreateWebSocketClient().ConnectAsync(new UriBuilder(context.Uri) { Query = query }.Uri, ct);
                };
            })
            .Build();
        var client = new LiveClient(connection);
        await connection.StartAsync();
        return client;
    }

    public async Task<JsonNode> NextNotificationAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await _notifications.Reader.ReadAsync(timeout.Token);
    }

    public async Task<JsonNode> NextUnreadCountAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await _unreadCounts.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>The unread counts received so far, the last one last (waiting for none).</summary>
    public List<JsonNode> UnreadCountsSoFar()
    {
        var counts = new List<JsonNode>();
        while (_unreadCounts.Reader.TryRead(out var count))
        {
            counts.Add(count);
        }

        return counts;
    }

    /// <summary>Waits until the service closes the connection.</summary>
    public Task ClosedAsync() => _closed.Task.WaitAsync(Patience);

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
