using Crm.Application.Common.Interfaces;
using Crm.Domain.ApiKeys;
using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Organizations;

namespace Crm.Application.Common.Security;

public static class MembershipChecks
{
    /// <summary>
    /// Refuses an owner who is not a member of the organization (400 <c>user_not_member</c>); an unrevoked API key of
    /// the organization is its service member and may own records too.
    /// </summary>
    public static async Task EnsureMemberAsync(
        this IReadStore store, Guid organizationId, Guid? userId, CancellationToken cancellationToken)
    {
        if (userId is { } id
            && !await store.AnyAsync(
                store.Query<Membership>().Where(m => m.OrganizationId == organizationId && m.UserId == id), cancellationToken)
            && !await store.AnyAsync(
                store.Query<ApiKey>().Where(k => k.OrganizationId == organizationId && k.Id == id && k.RevokedAt == null), cancellationToken))
        {
            throw new BusinessRuleException(ErrorCatalog.UserNotMember);
        }
    }
}
