using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Organizations;

namespace Crm.Domain.Records.Rules;

/// <summary>Only managers and above choose another owner for a record.</summary>
public sealed record ActorMayAssignOwner(Actor Actor, Guid OwnerId) : IBusinessRule
{
    public Error Error => ErrorCatalog.OwnerAssignmentForbidden;

    public bool IsBroken() => !Actor.Role.ManagesAllRecords() && Actor.UserId != OwnerId;
}
