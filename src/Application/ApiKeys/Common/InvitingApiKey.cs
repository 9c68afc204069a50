using Crm.Application.Common.Interfaces;
using Crm.Domain.Invitations;
using Crm.Domain.Organizations;

namespace Crm.Application.ApiKeys.Common;

public static class InvitingApiKey
{
    /// <summary>
    /// The role of the API key that sent <paramref name="invitation"/>, while the key still works; null when a person
    /// sent it, or the key was revoked or expired (then the invitation can no longer be accepted).
    /// </summary>
    public static async Task<MemberRole?> RoleAsync(
        this IReadStore store, Invitation invitation, DateTime now, CancellationToken cancellationToken) =>
        (await store.FirstOrDefaultAsync(
            store.Query(new LiveApiKeySpecification(invitation.OrganizationId, invitation.InvitedBy, now)), cancellationToken))?.Role;
}
