using Ardalis.Specification;
using Crm.Domain.Exports;

namespace Crm.Application.Exports.Common;

/// <summary>The organization's exports that are queued or running.</summary>
public sealed class ActiveExportsSpecification : Specification<ExportJob>
{
    public ActiveExportsSpecification(Guid organizationId) =>
        Query.AsNoTracking().Where(e => e.OrganizationId == organizationId
                                        && (e.Status == ExportStatus.Queued || e.Status == ExportStatus.Running));
}
