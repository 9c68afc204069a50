using Ardalis.Specification;
using Crm.Domain.Invitations;
using Crm.Domain.Users;

namespace Crm.Application.Organizations.Common;

/// <summary>The organization's invitation of an email address that nobody has answered yet (it may have expired).</summary>
public sealed class PendingInvitationSpecification : Specification<Invitation>, ISingleResultSpecification<Invitation>
{
    public PendingInvitationSpecification(Guid organizationId, string email)
    {
        var normalized = User.Normalize(email);
        Query.Where(i => i.OrganizationId == organizationId && i.NormalizedEmail == normalized
            && i.AcceptedAt == null && i.DeclinedAt == null && i.RevokedAt == null);
    }
}
