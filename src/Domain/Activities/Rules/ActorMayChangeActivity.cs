using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Organizations;

namespace Crm.Domain.Activities.Rules;

/// <summary>The author changes or deletes an activity, and so do managers, admins and owners; other members do not.</summary>
public sealed record ActorMayChangeActivity(Actor Actor, Guid AuthorId) : IBusinessRule
{
    public Error Error => ErrorCatalog.NotActivityAuthor;

    public bool IsBroken() => !Actor.Role.ManagesAllRecords() && Actor.UserId != AuthorId;
}
