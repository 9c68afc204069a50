using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Domain.Organizations.Rules;

/// <summary>Only owners and admins change an organization's settings and members.</summary>
public sealed record ActorMustAdministerOrganization(Actor Actor) : IBusinessRule
{
    public Error Error => ErrorCatalog.InsufficientRole;

    public string Message => "Only an owner or an admin of the organization may do this.";


    public bool IsBroken() => !Actor.Role.IsAdministrator();
}
