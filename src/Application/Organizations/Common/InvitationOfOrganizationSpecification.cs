using Ardalis.Specification;
using Crm.Domain.Invitations;

namespace Crm.Application.Organizations.Common;

/// <summary>An organization's pending, unexpired invitation by its id; another organization's id finds nothing.</summary>
public sealed class InvitationOfOrganizationSpecification : Specification<Invitation>, ISingleResultSpecification<Invitation>
{
    public InvitationOfOrganizationSpecification(Guid organizationId, Guid invitationId, DateTime now) =>
        Query.Where(i => i.Id == invitationId && i.OrganizationId == organizationId
            && i.AcceptedAt == null && i.DeclinedAt == null && i.RevokedAt == null && i.ExpiresAt > now);
}
