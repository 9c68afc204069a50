using Crm.Domain.Common;

namespace Crm.Domain.Organizations.Rules;

/// <summary>Only owners and admins change an organization's settings and members.</summary>
public sealed record ActorMustAdministerOrganization(Actor Actor) : IBusinessRule
{
    public string Code => "insufficient_role";

    public string Message => "Only an owner or an admin of the organization may do this.";

    public DomainErrorKind Kind => DomainErrorKind.Forbidden;

    public bool IsBroken() => !Actor.Role.IsAdministrator();
}
