using Ardalis.Specification;
using Crm.Application.Exports.Common;
using Crm.Domain.Imports;

namespace Crm.Application.Imports.Common;

/// <summary>
/// The organization's imports a caller may see, newest first: their own, or every one for an owner or admin
/// (requestedBy null, as <see cref="ExportsVisibleSpecification.RequesterFilter"/> decides).
/// </summary>
public sealed class ImportsVisibleSpecification : Specification<ImportJob>
{
    public ImportsVisibleSpecification(Guid organizationId, Guid? requestedBy, Guid? id = null)
    {
        Query.AsNoTracking().Where(e => e.OrganizationId == organizationId);
        if (requestedBy is { } requester)
        {
            Query.Where(e => e.RequestedBy == requester);
        }

        if (id is { } one)
        {
            Query.Where(e => e.Id == one);
        }

        Query.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id);
    }
}
