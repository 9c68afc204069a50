using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Organizations;

namespace Crm.Domain.Records.Rules;

/// <summary>Members change and delete only the records they own.</summary>
public sealed record ActorMayChangeRecord(Actor Actor, Guid OwnerId, Error? Refusal = null) : IBusinessRule
{
    public Error Error => Refusal ?? ErrorCatalog.NotRecordOwner;


    public bool IsBroken() => !Actor.Role.ManagesAllRecords() && Actor.UserId != OwnerId;
}
