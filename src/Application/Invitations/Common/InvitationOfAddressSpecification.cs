using Ardalis.Specification;
using Crm.Domain.Invitations;

namespace Crm.Application.Invitations.Common;

/// <summary>A pending, unexpired invitation of one address (in canonical form) by its id: nobody else's.</summary>
public sealed class InvitationOfAddressSpecification : Specification<Invitation>, ISingleResultSpecification<Invitation>
{
    public InvitationOfAddressSpecification(Guid invitationId, string normalizedEmail, DateTime now) =>
        Query.Where(i => i.Id == invitationId && i.NormalizedEmail == normalizedEmail
            && i.AcceptedAt == null && i.DeclinedAt == null && i.RevokedAt == null && i.ExpiresAt > now);
}
