using Crm.Application.Common.Transactions;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Crm.Application.Common.Behaviours;

/// <summary>
/// Runs what a command registered for after its transaction: the after-commit actions once it committed (removing
/// a deleted record's files), the rollback actions when it failed (removing a file stored for a row that was never
/// written). Their own failures are logged, never the command's answer.
/// </summary>
public sealed class TransactionOutcomeBehaviour<TRequest, TResponse>(
    TransactionOutcome outcome, ILogger<TransactionOutcomeBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        TResponse response;
        try
        {
            response = await next();
        }
        catch
        {
            await RunAsync(outcome.DrainRollback(), "rollback");
            throw;
        }

        await RunAsync(outcome.DrainCommit(), "after-commit");
        return response;
    }

    private async Task RunAsync(IReadOnlyList<Func<CancellationToken, Task>> actions, string kind)
    {
        foreach (var action in actions)
        {
            try
            {
                await action(CancellationToken.None);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "A {Kind} action of {RequestName} failed", kind, typeof(TRequest).Name);
            }
        }
    }
}
