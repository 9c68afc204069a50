using Crm.Application.Common.Concurrency;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Domain.Companies;
using Crm.Domain.Errors;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Crm.Infrastructure.Data;

/// <summary>
/// Commits a command's changes in one transaction through EF's execution strategy, and turns the database's
/// conflict answers (unique keys, row versions) into conflicts with stable codes.
/// </summary>
internal sealed class UnitOfWork(CrmDbContext db, WritePreconditions preconditions) : IUnitOfWork
{
    /// <summary>Unique constraints whose violation is a conflict the client can act on.</summary>
    private static readonly Dictionary<string, Error> UniqueConstraints = new()
    {
        ["ux_users_normalized_email"] = ErrorCatalog.EmailTaken,
        ["pk_memberships"] = ErrorCatalog.MemberExists,
        ["ux_contacts_organization_email"] = ErrorCatalog.ContactEmailTaken,
        ["ux_contacts_organization_external_id"] = ErrorCatalog.ExternalIdTaken,
        ["ux_deals_organization_external_id"] = ErrorCatalog.ExternalIdTaken,
        ["ux_companies_organization_domain"] = ErrorCatalog.CompanyDomainTaken,
        ["ux_custom_field_definitions_key"] = ErrorCatalog.CustomFieldKeyTaken,
    };

    /// <summary>Foreign keys whose violation means a record is still referenced.</summary>
    private static readonly Dictionary<string, Error> References = new()
    {
        ["fk_deals_contact"] = ErrorCatalog.ContactHasDeals,
    };

    public async Task<T> ExecuteInTransactionAsync<T>(
        Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            var inner = await work(cancellationToken);
            await SaveChangesAsync(cancellationToken);
            return inner;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(
            work,
            async (_, w, ct) =>
            {
                // A retried attempt starts from what is in the database, not from the failed attempt's changes.
                db.ChangeTracker.Clear();
                // A failed save rolls the whole transaction back, so EF's savepoint around each save (two round trips
                // per command) would protect nothing.
                db.Database.AutoSavepointsEnabled = false;
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var result = await w(ct);
                await SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return result;
            },
            verifySucceeded: null,
            cancellationToken);
    }

    public async Task<T> ExecuteBatchAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // A commit that waits for its WAL flush costs a disk sync; hundreds of them would dominate a batch. The
            // items' commits become visible at once but reach the disk together, at the flush below, so the batch's
            // answer never reports an item that a crash could still undo.
            await db.Database.ExecuteSqlRawAsync("SET synchronous_commit = off", cancellationToken);
            try
            {
                return await work(cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync("RESET synchronous_commit", CancellationToken.None);
                await FlushAsync();
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Commits a transaction that writes one WAL record (a logical message, which changes no table) with the session's
    /// synchronous commit: PostgreSQL flushes the WAL up to that commit, and so every earlier commit with it.
    /// </summary>
    private Task FlushAsync() => db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
    {
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        await db.Database.ExecuteSqlRawAsync("SELECT pg_logical_emit_message(true, 'crm', 'flush')", CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
    });

    private async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex) when (ex.Entries.Any(e => preconditions.Guards(e.Entity)))
        {
            // The record changed after it was checked against If-Match: the client's condition no longer holds.
            throw new PreconditionFailedException(ErrorCatalog.PreconditionFailed);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException(ErrorCatalog.ConcurrentUpdate);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException
        {
            SqlState: PostgresErrorCodes.UniqueViolation,
        } unique)
        {
            throw new ConflictException(UniqueConstraints.GetValueOrDefault(unique.ConstraintName ?? string.Empty, ErrorCatalog.Duplicate));
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException
        {
            SqlState: PostgresErrorCodes.ForeignKeyViolation,
            ConstraintName: "fk_contacts_company" or "fk_deals_company",
        })
        {
            // Either the company is being deleted while a record is linked to it, or a record names a company that a
            // parallel request deleted.
            throw ex.Entries.Any(e => e is { Entity: Company, State: EntityState.Deleted })
                ? new ConflictException(ErrorCatalog.CompanyHasRecords)
                : new InvalidInputException(ErrorCatalog.CompanyReferenceNotFound);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException
        {
            SqlState: PostgresErrorCodes.ForeignKeyViolation,
        } reference)
        {
            throw new ConflictException(References.GetValueOrDefault(reference.ConstraintName ?? string.Empty, ErrorCatalog.StillReferenced));
        }
    }
}
