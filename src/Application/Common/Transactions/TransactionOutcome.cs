namespace Crm.Application.Common.Transactions;

/// <summary>The actions one request's command registered.</summary>
public sealed class TransactionOutcome : ITransactionOutcome
{
    private readonly List<Func<CancellationToken, Task>> _commit = [];
    private readonly List<Func<CancellationToken, Task>> _rollback = [];

    public void AfterCommit(Func<CancellationToken, Task> action) => _commit.Add(action);

    public void OnRollback(Func<CancellationToken, Task> action) => _rollback.Add(action);

    public IReadOnlyList<Func<CancellationToken, Task>> DrainCommit() => Drain(_commit);

    public IReadOnlyList<Func<CancellationToken, Task>> DrainRollback() => Drain(_rollback);

    private IReadOnlyList<Func<CancellationToken, Task>> Drain(List<Func<CancellationToken, Task>> actions)
    {
        var drained = actions.ToList();
        _commit.Clear();
        _rollback.Clear();
        return drained;
    }
}
