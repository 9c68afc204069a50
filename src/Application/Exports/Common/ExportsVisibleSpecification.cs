using Ardalis.Specification;
using Crm.Domain.Exports;

namespace Crm.Application.Exports.Common;

/// <summary>
/// The organization's exports a caller may see, newest first: their own, or every one for an owner or admin
/// (requestedBy null).
/// </summary>
public sealed class ExportsVisibleSpecification : Specification<ExportJob>
{
    public ExportsVisibleSpecification(Guid organizationId, Guid? requestedBy, Guid? id = null)
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

    /// <summary>Owners and admins see every export of the organization; others only their own.</summary>
    public static Guid? RequesterFilter(Domain.Organizations.Actor actor) =>
        actor.Role is Domain.Organizations.MemberRole.Owner or Domain.Organizations.MemberRole.Admin ? null : actor.UserId;
}
