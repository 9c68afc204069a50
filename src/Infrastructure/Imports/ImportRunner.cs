using System.Globalization;
using System.Text.Json;
using Crm.Application.Common.Caching;
using Crm.Application.Common.Email;
using Crm.Application.Common.Files;
using Crm.Application.Common.Security;
using Crm.Application.Imports.Common;
using Crm.Application.Notifications.Common;
using Crm.Domain.ApiKeys;
using Crm.Domain.Auditing;
using Crm.Domain.Companies;
using Crm.Domain.Contacts;
using Crm.Domain.CustomFields;
using Crm.Domain.Errors;
using Crm.Domain.Imports;
using Crm.Domain.Organizations;
using Crm.Domain.Users;
using Crm.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Crm.Infrastructure.Imports;

/// <summary>
/// Runs queued imports, on every instance, one at a time each: claims one, copies its file from the attachment storage
/// to the work folder, checks its rows as its requester (their current role), and writes them chunk by chunk, each
/// chunk committed with the import's progress (<see cref="ImportChunk{TRow}"/>). A run that fails or dies is resumed
/// (by this or another instance, once its lease lapses) after the last committed chunk, up to
/// <see cref="ImportOptions.MaxAttempts"/> starts; then it fails, keeping what it committed (which a revert undoes).
/// </summary>
internal sealed class ImportRunner(
    IServiceScopeFactory scopes,
    ImportJobStore store,
    ImportSignal signal,
    IFileStorage files,
    NpgsqlDataSource dataSource,
    IImportRowFilter filter,
    ICacheStore cache,
    IOptionsMonitor<ImportOptions> options,
    TimeProvider time,
    ILogger<ImportRunner> logger)
    : BackgroundService, IImportRunner
{
    /// <summary>How often a chunk refused by a unique index (a record written meanwhile by someone else) is checked again.</summary>
    private const int ChunkTries = 3;

    public async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        var job = await store.ClaimAsync(cancellationToken);
        if (job is null)
        {
            return false;
        }

        if (job.Attempts > options.CurrentValue.MaxAttempts)
        {
            await FailAsync(job, ErrorCatalog.ImportFailed.Code);
            store.Drop(job.Id);
            return true;
        }

        var path = Path.Combine(options.CurrentValue.WorkFolder ?? Path.GetTempPath(), $"crm-import-{job.Id:N}.tmp");
        try
        {
            await RunAsync(job, path, cancellationToken);
        }
        catch (ImportRequesterLeftException)
        {
            await FailAsync(job, ErrorCatalog.ImportRequesterLeft.Code);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Import {ImportId} failed in attempt {Attempt}", job.Id, job.Attempts);
            if (job.Attempts >= options.CurrentValue.MaxAttempts)
            {
                await FailAsync(job, ErrorCatalog.ImportFailed.Code);
            }
            else
            {
                await store.ReleaseAsync(job.Id, CancellationToken.None);
            }
        }
        finally
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                // Stopped midway, the lease stays on the ledger for the shutdown to hand back.
                store.Drop(job.Id);
            }

            File.Delete(path);
        }

        return true;
    }

    private async Task RunAsync(ClaimedImport job, string path, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var actor = await ActAsRequesterAsync(job, scope.ServiceProvider.GetRequiredService<RequestContext>(), db, cancellationToken);
        await using (var source = await files.ReadAsync(job.FileKey, cancellationToken))
        await using (var copy = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81_920, FileOptions.Asynchronous))
        {
            await source.CopyToAsync(copy, cancellationToken);
        }

        var members = await db.Set<Membership>().AsNoTracking().Where(m => m.OrganizationId == job.OrganizationId)
            .Join(db.Set<User>(), m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.Email })
            .ToDictionaryAsync(u => u.Email.ToUpperInvariant(), u => u.Id, StringComparer.Ordinal, cancellationToken);
        var keys = await db.Set<ApiKey>().AsNoTracking().Where(k => k.OrganizationId == job.OrganizationId && k.RevokedAt == null)
            .Select(k => k.Id).ToListAsync(cancellationToken);
        foreach (var key in keys)
        {
            members[key.ToString()] = key;
        }

        var fieldsOf = ImportFields.CustomFieldsOf(job.RecordType);
        var fields = await db.Set<CustomFieldDefinition>().AsNoTracking()
            .Where(d => d.OrganizationId == job.OrganizationId && d.RecordType == fieldsOf)
            .ToDictionaryAsync(d => d.Key, d => d.Shape, StringComparer.Ordinal, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var finished = job.RecordType switch
        {
            ImportRecordType.Companies => await WriteRowsAsync(
                job, path, new CompanyRowChecks(job, actor, now, fields, members), new CompanyImportChunk(db.Model.FindEntityType(typeof(Company))!),
                cancellationToken),
            _ => await WriteRowsAsync(
                job, path, new ContactRowChecks(job, actor, now, fields, members), new ContactImportChunk(db.Model.FindEntityType(typeof(Contact))!, filter),
                cancellationToken),
        };
        if (!finished)
        {
            return;
        }

        await SucceedAsync(scope.ServiceProvider, job, cancellationToken);
        await files.DeleteAsync(job.FileKey, CancellationToken.None);
    }

    /// <summary>Reads the file's rows after those committed before, checks them and writes them chunk by chunk; false when the import is no longer this runner's.</summary>
    private async Task<bool> WriteRowsAsync<TRow>(
        ClaimedImport job, string path, ImportRowChecks<TRow> checks, ImportChunk<TRow> chunk, CancellationToken cancellationToken)
        where TRow : PreparedImportRow
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = new List<TRow>(options.CurrentValue.ChunkRows);
        long done = 0;
        await using (var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81_920))
        {
            var header = true;
            foreach (var cells in ImportFileRows.Read(input, job.Format))
            {
                if (header)
                {
                    header = false;
                    continue;
                }

                done++;
                if (done <= job.RowsDone)
                {
                    // Committed by an earlier run: only the keys those rows claimed count now.
                    checks.Check(done + 1, cells);
                    continue;
                }

                rows.Add(checks.Check(done + 1, cells));
                if (rows.Count == options.CurrentValue.ChunkRows)
                {
                    if (!await WriteChunkAsync(connection, chunk, job, rows, done, cancellationToken))
                    {
                        return false;
                    }

                    rows.Clear();
                }
            }
        }

        return rows.Count == 0 || await WriteChunkAsync(connection, chunk, job, rows, done, cancellationToken);
    }

    /// <summary>Writes a chunk, checked again if a contact written meanwhile took one of its keys; false when the import is no longer this runner's.</summary>
    private async Task<bool> WriteChunkAsync<TRow>(
        NpgsqlConnection connection, ImportChunk<TRow> chunk, ClaimedImport job, List<TRow> rows, long done, CancellationToken ct)
        where TRow : PreparedImportRow
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var counts = await chunk.WriteAsync(connection, job, rows, done, options.CurrentValue.Lease, time.GetUtcNow().UtcDateTime, ct);
                if (counts is null)
                {
                    return false;
                }

                if (counts.Value.Written > 0 && !job.DryRun)
                {
                    await cache.InvalidateTagAsync(PendingCacheInvalidations.TagKey(job.OrganizationId, CacheTags.RecordsOf(chunk.RecordType)), ct);
                }

                return true;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && attempt < ChunkTries)
            {
                logger.LogInformation("A chunk of import {ImportId} met a key written meanwhile; checking it again", job.Id);
            }
        }
    }

    /// <summary>
    /// The requester as they are now: a person still a member, or an API key still live, with a role that may import
    /// (owner, admin, manager); anyone else's import fails.
    /// </summary>
    private static async Task<Actor> ActAsRequesterAsync(ClaimedImport job, RequestContext context, CrmDbContext db, CancellationToken cancellationToken)
    {
        MemberRole role;
        if (job.RequestedByType == ActorType.ApiKey)
        {
            var key = await db.Set<ApiKey>().AsNoTracking()
                .Where(k => k.Id == job.RequestedBy && k.OrganizationId == job.OrganizationId && k.RevokedAt == null
                            && !k.ReadOnly && (k.ExpiresAt == null || k.ExpiresAt > DateTime.UtcNow))
                .Select(k => new { k.Role })
                .FirstOrDefaultAsync(cancellationToken) ?? throw new ImportRequesterLeftException();
            context.SetApiKey(job.RequestedBy, false);
            role = key.Role;
        }
        else
        {
            role = await db.Set<Membership>().AsNoTracking()
                .Where(m => m.OrganizationId == job.OrganizationId && m.UserId == job.RequestedBy)
                .Select(m => (MemberRole?)m.Role)
                .FirstOrDefaultAsync(cancellationToken) ?? throw new ImportRequesterLeftException();
            context.SetUser(job.RequestedBy, null);
        }

        if (role is not (MemberRole.Owner or MemberRole.Admin or MemberRole.Manager))
        {
            throw new ImportRequesterLeftException();
        }

        context.SetOrganization(job.OrganizationId, role);
        return new Actor(job.RequestedBy, role);
    }

    /// <summary>Marks the import succeeded and queues its requester's email and notification, in one transaction, if it is still this runner's.</summary>
    private async Task SucceedAsync(IServiceProvider services, ClaimedImport job, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<CrmDbContext>();
        var outbox = services.GetRequiredService<IEmailOutbox>();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var now = time.GetUtcNow().UtcDateTime;
            var updated = await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                UPDATE import_jobs SET status = 'succeeded', finished_at = {now}, locked_until = NULL
                 WHERE id = {job.Id} AND status = 'running' AND attempts = {job.Attempts}
                """,
                ct);
            if (updated != 1)
            {
                return;
            }

            if (job.RequestedByType == ActorType.User)
            {
                var counts = await db.Set<ImportJob>().AsNoTracking().Where(j => j.Id == job.Id)
                    .Select(j => new { j.Created, j.Updated, j.Unchanged, j.Failed }).SingleAsync(ct);
                var recipient = await db.Set<User>().AsNoTracking().Where(u => u.Id == job.RequestedBy)
                    .Select(u => new { u.Email, u.Name }).SingleAsync(ct);
                var organization = await db.Set<Organization>().AsNoTracking().Where(o => o.Id == job.OrganizationId)
                    .Select(o => o.Name).SingleAsync(ct);
                outbox.Queue(EmailTemplate.ImportFinished, recipient.Email, new Dictionary<string, object?>
                {
                    ["name"] = recipient.Name,
                    ["organization"] = organization,
                    ["record_type"] = JsonNamingPolicy.SnakeCaseLower.ConvertName(job.RecordType.ToString()),
                    ["file_name"] = job.FileName,
                    ["dry_run"] = job.DryRun,
                    ["rows"] = Number(job.RowsTotal),
                    ["created"] = Number(counts.Created),
                    ["updated"] = Number(counts.Updated),
                    ["unchanged"] = Number(counts.Unchanged),
                    ["failed"] = Number(counts.Failed),
                    ["import_path"] = $"/api/v1/imports/{job.Id}",
                    ["errors_path"] = counts.Failed > 0 ? $"/api/v1/imports/{job.Id}/errors" : null,
                }, job.OrganizationId);
                ImportFinishedNotification.Queue(
                    services.GetRequiredService<INotificationOutbox>(), job.OrganizationId, job.RequestedBy, job.Id, job.FileName,
                    counts.Created, counts.Updated, counts.Failed);
                await db.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }, cancellationToken);
    }

    /// <summary>
    /// Marks the import failed with <paramref name="code"/> and tells its requester in the app, in one transaction, if it
    /// is still running (what its committed chunks wrote stays, for a revert to undo); then drops its file.
    /// </summary>
    private async Task FailAsync(ClaimedImport job, string code)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var notifications = scope.ServiceProvider.GetRequiredService<INotificationOutbox>();
            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async ct =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var now = time.GetUtcNow().UtcDateTime;
                var failed = await db.Database.ExecuteSqlInterpolatedAsync(
                    $"""
                    UPDATE import_jobs SET status = 'failed', error_code = {code}, finished_at = {now}, locked_until = NULL
                     WHERE id = {job.Id} AND status = 'running'
                    """,
                    ct);
                if (failed != 1)
                {
                    return;
                }

                if (job.RequestedByType == ActorType.User)
                {
                    // This scope acts for no organization: the job is read by its id and organization.
                    var counts = await db.Set<ImportJob>().IgnoreQueryFilters().AsNoTracking()
                        .Where(j => j.Id == job.Id && j.OrganizationId == job.OrganizationId)
                        .Select(j => new { j.Created, j.Updated, j.Failed }).SingleAsync(ct);
                    ImportFinishedNotification.Queue(
                        notifications, job.OrganizationId, job.RequestedBy, job.Id, job.FileName, counts.Created, counts.Updated,
                        counts.Failed, code);
                    await db.SaveChangesAsync(ct);
                }

                await transaction.CommitAsync(ct);
            }, CancellationToken.None);
        }

        await files.DeleteAsync(job.FileKey, CancellationToken.None);
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.Run)
        {
            return;
        }

        await signal.RunUntilStoppedAsync(RunNextAsync, () => options.CurrentValue.PollInterval, logger, "import runner", stoppingToken);
    }
}
