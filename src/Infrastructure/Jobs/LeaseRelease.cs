using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Crm.Infrastructure.Jobs;

/// <summary>
/// On shutdown, after the workers have stopped (it is registered first, so it stops last), hands back every lease this
/// instance still holds: an email or webhook delivery interrupted mid-send is pending again, an import or export is
/// queued again (an import resumes after its last committed chunk). Nothing is left reserved to a stopped instance.
/// </summary>
public sealed class LeaseRelease(LeaseLedger ledger, NpgsqlDataSource dataSource, ILogger<LeaseRelease> logger) : IHostedService
{
    private static readonly Dictionary<LeasedWork, string> Release = new()
    {
        [LeasedWork.Email] = "UPDATE outbox_messages SET status = 'pending', locked_until = NULL WHERE id = ANY($1) AND status = 'sending'",
        [LeasedWork.WebhookDelivery] = "UPDATE webhook_deliveries SET status = 'pending', locked_until = NULL WHERE id = ANY($1) AND status = 'sending'",
        [LeasedWork.Import] = "UPDATE import_jobs SET status = 'queued', locked_until = NULL WHERE id = ANY($1) AND status = 'running'",
        [LeasedWork.Export] = "UPDATE export_jobs SET status = 'queued', locked_until = NULL WHERE id = ANY($1) AND status = 'running'",
    };

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var (work, ids) in ledger.Held())
        {
            try
            {
                await using var command = dataSource.CreateCommand(Release[work]);
                command.Parameters.Add(new NpgsqlParameter { Value = ids });
                var released = await command.ExecuteNonQueryAsync(CancellationToken.None);
                foreach (var id in ids)
                {
                    ledger.Let(work, id);
                }

                if (released > 0)
                {
                    logger.LogInformation("Shutting down: handed back {Count} {Work} lease(s)", released, work);
                }
            }
            catch (NpgsqlException e)
            {
                // The leases then lapse on their own; another instance takes the work after that.
                logger.LogWarning(e, "Shutting down: the {Work} leases could not be handed back", work);
            }
        }
    }
}
