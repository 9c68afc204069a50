using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Organizations;

namespace Crm.Domain.Tasks.Rules;

/// <summary>
/// Members change the tasks of records they own, and the tasks assigned to them; managers and above change every
/// task. <paramref name="Refusal"/> names the linked record's kind (not_deal_owner for a deal's task).
/// </summary>
public sealed record ActorMayChangeTask(Actor Actor, Guid RecordOwnerId, Guid? AssigneeId, Error Refusal) : IBusinessRule
{
    public Error Error => Refusal;

    public bool IsBroken() =>
        !Actor.Role.ManagesAllRecords() && Actor.UserId != RecordOwnerId && Actor.UserId != AssigneeId;
}
