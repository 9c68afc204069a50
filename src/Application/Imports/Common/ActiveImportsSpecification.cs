using Ardalis.Specification;
using Crm.Domain.Imports;

namespace Crm.Application.Imports.Common;

/// <summary>The organization's imports that are queued or running.</summary>
public sealed class ActiveImportsSpecification : Specification<ImportJob>
{
    public ActiveImportsSpecification(Guid organizationId) =>
        Query.AsNoTracking().Where(e => e.OrganizationId == organizationId
                                        && (e.Status == ImportStatus.Queued || e.Status == ImportStatus.Running));
}
