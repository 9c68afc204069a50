using Crm.Application.Common.Interfaces;
using Crm.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.WebApi.IntegrationTests;

/// <summary>
/// The unit of work's batch mode with the service's own database: the items' commits do not wait for the disk, and the
/// batch does not return before everything it committed is flushed.
/// </summary>
public sealed class BatchDurabilityTests : ApiTest
{
    [Test]
    public async Task A_batch_commits_without_waiting_for_the_disk_and_flushes_before_it_returns()
    {
        var (inside, committedUpTo) = await RunBatchAsync(fail: false);

        inside.ShouldBe("off");
        (await FlushedPastAsync(committedUpTo)).ShouldBeTrue();
    }

    [Test]
    public async Task A_batch_that_throws_is_flushed_too()
    {
        var thrown = await Should.ThrowAsync<InvalidOperationException>(() => RunBatchAsync(fail: true));

        (await FlushedPastAsync(thrown.Message)).ShouldBeTrue();
    }

    /// <summary>Commits one WAL record inside a batch and answers the session's setting and the WAL position after it.</summary>
    private static async Task<(string Inside, string CommittedUpTo)> RunBatchAsync(bool fail)
    {
        await using var scope = Testing.Factory.Services.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        return await unitOfWork.ExecuteBatchAsync(
            async ct =>
            {
                var inside = await ScalarAsync(db, "SELECT current_setting('synchronous_commit') AS \"Value\"", ct);
                await using (var transaction = await db.Database.BeginTransactionAsync(ct))
                {
                    await db.Database.ExecuteSqlRawAsync("SELECT pg_logical_emit_message(true, 'test', 'item')", ct);
                    await transaction.CommitAsync(ct);
                }

                var position = await ScalarAsync(db, "SELECT pg_current_wal_insert_lsn()::text AS \"Value\"", ct);
                return fail ? throw new InvalidOperationException(position) : (inside, position);
            },
            CancellationToken.None);
    }

    private static async Task<bool> FlushedPastAsync(string position) =>
        await Testing.Database.ScalarAsync<bool>($"SELECT pg_current_wal_flush_lsn() >= '{position}'::pg_lsn");

    private static Task<string> ScalarAsync(CrmDbContext db, string sql, CancellationToken ct) =>
        db.Database.SqlQueryRaw<string>(sql).SingleAsync(ct);
}
