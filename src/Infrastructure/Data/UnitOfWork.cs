using Crm.Application.Common.Concurrency;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
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
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var result = await w(ct);
                await SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return result;
            },
            verifySucceeded: null,
            cancellationToken);
    }

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
        } reference)
        {
            throw new ConflictException(References.GetValueOrDefault(reference.ConstraintName ?? string.Empty, ErrorCatalog.StillReferenced));
        }
    }
}
