using System.Text.Json;
using Crm.Application.Common.Email;
using Crm.Application.Common.Files;
using Crm.Application.Common.Security;
using Crm.Application.Exports.Common;
using Crm.Application.Notifications.Common;
using Crm.Domain.ApiKeys;
using Crm.Domain.Auditing;
using Crm.Domain.Errors;
using Crm.Domain.Exports;
using Crm.Domain.Organizations;
using Crm.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.Exports;

/// <summary>
/// Runs queued exports, on every instance, one at a time each: claims one, reads its rows as its requester (their
/// organization, role and current membership) through the list's own handler, writes them to a file in the work folder,
/// hands the file to the attachment storage, then marks the export succeeded and queues the requester's email in one
/// transaction. An attempt that fails goes back to the queue, up to <see cref="ExportOptions.MaxAttempts"/> starts; a
/// runner that dies mid-export loses its lease and another instance starts the export again.
/// </summary>
internal sealed class ExportRunner(
    IServiceScopeFactory scopes,
    ExportJobStore store,
    ExportSignal signal,
    IFileStorage files,
    IOptionsMonitor<ExportOptions> options,
    TimeProvider time,
    ILogger<ExportRunner> logger)
    : BackgroundService, IExportRunner
{
    public async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        var job = await store.ClaimAsync(cancellationToken);
        if (job is null)
        {
            return false;
        }

        if (job.Attempts > options.CurrentValue.MaxAttempts)
        {
            await store.FailAsync(job.Id, ErrorCatalog.ExportFailed.Code, CancellationToken.None);
            return true;
        }

        var path = Path.Combine(options.CurrentValue.WorkFolder ?? Path.GetTempPath(), $"crm-export-{job.Id:N}.tmp");
        try
        {
            await RunAsync(job, path, cancellationToken);
        }
        catch (ExportRequesterLeftException)
        {
            await store.FailAsync(job.Id, ErrorCatalog.ExportRequesterLeft.Code, CancellationToken.None);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Export {ExportId} failed in attempt {Attempt}", job.Id, job.Attempts);
            if (job.Attempts >= options.CurrentValue.MaxAttempts)
            {
                await store.FailAsync(job.Id, ErrorCatalog.ExportFailed.Code, CancellationToken.None);
            }
            else
            {
                await store.ReleaseAsync(job.Id, CancellationToken.None);
            }
        }
        finally
        {
            File.Delete(path);
        }

        return true;
    }

    private async Task RunAsync(ClaimedExport job, string path, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        await ActAsRequesterAsync(job, scope.ServiceProvider.GetRequiredService<RequestContext>(), db, cancellationToken);
        var query = JsonSerializer.Deserialize(job.Query, ExportSources.QueryType(job.RecordType))!;
        long? rows;
        await using (var output = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 65_536, FileOptions.Asynchronous))
        {
            rows = await ExportFile.WriteAsync(
                scope.ServiceProvider, job.RecordType, job.Format, query, output,
                (done, total) => store.ProgressAsync(job.Id, done, total, cancellationToken),
                cancellationToken);
        }

        if (rows is null)
        {
            // Another runner took it over (this one's lease ran out): that one writes the file.
            return;
        }

        var key = $"exports/{job.OrganizationId:N}/{job.Id:N}";
        var size = new FileInfo(path).Length;
        await using (var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 65_536, FileOptions.Asynchronous))
        {
            await files.SaveAsync(key, input, size, ExportJob.ContentType(job.Format), cancellationToken);
        }

        if (!await SucceedAsync(scope.ServiceProvider, job, key, size, rows.Value, cancellationToken))
        {
            await files.DeleteAsync(key, CancellationToken.None);
        }
    }

    /// <summary>
    /// Sets the scope's request context to the requester as they are now: a person still a member, with their current
    /// role, or an API key still live; anyone else's export fails.
    /// </summary>
    private static async Task ActAsRequesterAsync(ClaimedExport job, RequestContext context, CrmDbContext db, CancellationToken cancellationToken)
    {
        if (job.RequestedByType == ActorType.ApiKey)
        {
            var key = await db.Set<ApiKey>().AsNoTracking()
                .Where(k => k.Id == job.RequestedBy && k.OrganizationId == job.OrganizationId && k.RevokedAt == null
                            && (k.ExpiresAt == null || k.ExpiresAt > DateTime.UtcNow))
                .Select(k => new { k.Role, k.ReadOnly })
                .FirstOrDefaultAsync(cancellationToken) ?? throw new ExportRequesterLeftException();
            context.SetApiKey(job.RequestedBy, key.ReadOnly);
            context.SetOrganization(job.OrganizationId, key.Role);
            return;
        }

        var role = await db.Set<Membership>().AsNoTracking()
            .Where(m => m.OrganizationId == job.OrganizationId && m.UserId == job.RequestedBy)
            .Select(m => (MemberRole?)m.Role)
            .FirstOrDefaultAsync(cancellationToken) ?? throw new ExportRequesterLeftException();
        context.SetUser(job.RequestedBy, null);
        context.SetOrganization(job.OrganizationId, role);
    }

    /// <summary>
    /// Marks the export succeeded and tells its requester (<see cref="ExportReadyNotice"/>), in one transaction; false
    /// when it was no longer this runner's (taken over after a lapsed lease), whose file is then not kept.
    /// </summary>
    private async Task<bool> SucceedAsync(
        IServiceProvider services, ClaimedExport job, string key, long size, long rows, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<CrmDbContext>();
        var outbox = services.GetRequiredService<IEmailOutbox>();
        var now = time.GetUtcNow().UtcDateTime;
        var expires = now + ExportJob.Lifetime;
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var updated = await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                UPDATE export_jobs SET status = 'succeeded', rows_done = {rows}, rows_total = {rows}, file_key = {key},
                       file_size = {size}, finished_at = {now}, expires_at = {expires}, locked_until = NULL
                 WHERE id = {job.Id} AND status = 'running'
                """,
                ct);
            if (updated != 1)
            {
                return false;
            }

            await ExportReadyNotice.QueueAsync(db, outbox, services.GetRequiredService<INotificationOutbox>(), job, rows, expires, ct);
            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.Run)
        {
            return;
        }

        await signal.RunUntilStoppedAsync(RunNextAsync, () => options.CurrentValue.PollInterval, logger, "export runner", stoppingToken);
    }
}
