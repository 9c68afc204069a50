using Ardalis.Specification;
using Crm.Domain.Invitations;
using Crm.Domain.Users;

namespace Crm.Application.Organizations.Common;

/// <summary>The organization's invitation of an email address that has not been accepted yet.</summary>
public sealed class PendingInvitationSpecification : Specification<Invitation>, ISingleResultSpecification<Invitation>
{
    public PendingInvitationSpecification(Guid organizationId, string email)
    {
        var normalized = User.Normalize(email);
        Query.Where(i => i.OrganizationId == organizationId && i.NormalizedEmail == normalized && i.AcceptedAt == null);
    }
}
