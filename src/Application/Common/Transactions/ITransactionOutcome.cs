namespace Crm.Application.Common.Transactions;

/// <summary>Work to do once the current command's transaction has committed, or undo if it rolled back.</summary>
public interface ITransactionOutcome
{
    void AfterCommit(Func<CancellationToken, Task> action);

    void OnRollback(Func<CancellationToken, Task> action);
}
