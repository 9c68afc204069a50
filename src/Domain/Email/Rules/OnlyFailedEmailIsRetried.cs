using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Domain.Email.Rules;

/// <summary>A retry is for an email given up: one still queued or being sent would be sent twice.</summary>
public sealed record OnlyFailedEmailIsRetried(OutboxStatus Status) : IBusinessRule
{
    public Error Error => ErrorCatalog.OutboxMessageNotFailed;

    public bool IsBroken() => Status != OutboxStatus.Failed;
}
