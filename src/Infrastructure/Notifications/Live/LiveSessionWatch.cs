using Crm.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.Notifications.Live;

/// <summary>
/// Closes this instance's live connections whose session was revoked or has expired, or whose access token has expired:
/// a connection proves who it is once, when it opens, so it is checked again every
/// <see cref="LiveNotificationOptions.SessionCheckInterval"/>. The client reconnects with a fresh token (and resumes).
/// </summary>
internal sealed class LiveSessionWatch(
    LiveConnections connections,
    IServiceScopeFactory scopes,
    IOptionsMonitor<LiveNotificationOptions> options,
    TimeProvider time,
    ILogger<LiveSessionWatch> logger)
    : BackgroundService
{
    private const int SessionsPerQuery = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(options.CurrentValue.SessionCheckInterval, time, stoppingToken);
            try
            {
                await CloseEndedAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Checking the sessions of live connections failed; it tries again at its next round");
            }
        }
    }

    /// <summary>Closes every open connection whose session or token has ended.</summary>
    public async Task CloseEndedAsync(CancellationToken cancellationToken)
    {
        var open = connections.Snapshot();
        if (open.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        var alive = new HashSet<Guid>();
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            foreach (var chunk in open.Select(c => c.Caller.SessionId).Distinct().Chunk(SessionsPerQuery))
            {
                alive.UnionWith(await db.Sessions.AsNoTracking()
                    .Where(s => chunk.Contains(s.Id) && s.RevokedAt == null && s.ExpiresAt > now.UtcDateTime)
                    .Select(s => s.Id)
                    .ToListAsync(cancellationToken));
            }
        }

        foreach (var connection in open.Where(c => !alive.Contains(c.Caller.SessionId) || c.Caller.TokenExpiresAt <= now))
        {
            connections.Remove(connection.Id);
            connection.Close();
        }
    }
}
