namespace Crm.Application.Common.Security;

/// <summary>
/// Marks a request that acts inside the current organization (<see cref="IRequestContext.OrganizationId"/>):
/// it is refused unless the caller is a member of that organization.
/// </summary>
public interface IOrganizationScoped
{
}
