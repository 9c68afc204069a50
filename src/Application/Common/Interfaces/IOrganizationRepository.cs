using Crm.Domain.Organizations;

namespace Crm.Application.Common.Interfaces;

public interface IOrganizationRepository
{
    /// <summary>The organization with all its memberships, tracked for change.</summary>
    Task<Organization?> FindAsync(Guid id, CancellationToken cancellationToken);

    void Add(Organization organization);
}
