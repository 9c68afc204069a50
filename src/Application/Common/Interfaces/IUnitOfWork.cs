namespace Crm.Application.Common.Interfaces;

/// <summary>Commits the changes of one command at once; repositories never save by themselves.</summary>
public interface IUnitOfWork
{
    /// <summary>Runs <paramref name="work"/> in a database transaction, saving and committing when it succeeds.</summary>
    Task<T> ExecuteInTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/>, a batch that sends one command per item, on one database connection held for the
    /// whole batch, whose commits do not each wait for the disk; before it returns (or throws), one flush makes every
    /// commit of the batch durable. Each command still commits, or fails, alone.
    /// </summary>
    Task<T> ExecuteBatchAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}
