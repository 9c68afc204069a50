using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Crm.Infrastructure.Data;

/// <summary>
/// Commits a command's changes in one transaction through EF's execution strategy, and turns the database's
/// conflict answers (unique keys, row versions) into conflicts with stable codes.
/// </summary>
internal sealed class UnitOfWork(CrmDbContext db) : IUnitOfWork
{
    /// <summary>Unique constraints whose violation is a conflict the client can act on.</summary>
    private static readonly Dictionary<string, (string Code, string Message)> UniqueConstraints = new()
    {
        ["ux_users_normalized_email"] = ("email_taken", "An account with this email already exists."),
        ["pk_memberships"] = ("member_exists", "The user is already a member of the organization."),
        ["ux_contacts_organization_email"] = ("contact_email_taken", "Another contact of the organization has this email address."),
    };

    /// <summary>Foreign keys whose violation means a record is still referenced.</summary>
    private static readonly Dictionary<string, (string Code, string Message)> References = new()
    {
        ["fk_deals_contact"] = ("contact_has_deals", "The contact still has deals; delete or move them first."),
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
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException(
                "concurrent_update", "The record was changed by another request at the same time. Try again.");
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException
        {
            SqlState: PostgresErrorCodes.UniqueViolation,
        } unique)
        {
            var (code, message) = UniqueConstraints.GetValueOrDefault(
                unique.ConstraintName ?? string.Empty, ("duplicate", "A record with these values already exists."));
            throw new ConflictException(code, message);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException
        {
            SqlState: PostgresErrorCodes.ForeignKeyViolation,
        } reference)
        {
            var (code, message) = References.GetValueOrDefault(
                reference.ConstraintName ?? string.Empty, ("still_referenced", "Other records still refer to this one."));
            throw new ConflictException(code, message);
        }
    }
}
