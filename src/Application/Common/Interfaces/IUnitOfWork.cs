namespace Crm.Application.Common.Interfaces;

/// <summary>Commits the changes of one command at once; repositories never save by themselves.</summary>
public interface IUnitOfWork
{
    /// <summary>Runs <paramref name="work"/> in a database transaction, saving and committing when it succeeds.</summary>
    Task<T> ExecuteInTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}
