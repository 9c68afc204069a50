using Crm.Application.Common.Transactions;
using Crm.Domain.Common;

namespace Crm.Application.Common.Concurrency;

public static class VersionedAnswers
{
    /// <summary>
    /// The answer takes the record's version once the command has committed: the write itself gives the record its
    /// new version, which the answer's ETag must name.
    /// </summary>
    public static TAnswer VersionedAfterCommit<TAnswer>(this ITransactionOutcome outcome, TAnswer answer, IVersioned record)
        where TAnswer : IVersionedResource
    {
        outcome.AfterCommit(_ =>
        {
            answer.Version = record.Version;
            return Task.CompletedTask;
        });
        return answer;
    }
}
