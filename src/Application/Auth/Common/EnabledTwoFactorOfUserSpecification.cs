using Ardalis.Specification;
using Crm.Domain.Users;

namespace Crm.Application.Auth.Common;

/// <summary>A user's authenticator once confirmed: its presence means two-factor sign-in is on.</summary>
public sealed class EnabledTwoFactorOfUserSpecification : Specification<TwoFactorCredential>, ISingleResultSpecification<TwoFactorCredential>
{
    public EnabledTwoFactorOfUserSpecification(Guid userId) =>
        Query.Where(c => c.UserId == userId && c.EnabledAt != null);
}
