using Ardalis.Specification;
using Crm.Domain.Users;

namespace Crm.Application.Auth.Common;

/// <summary>A user's authenticator, pending or enabled.</summary>
public sealed class TwoFactorCredentialOfUserSpecification : Specification<TwoFactorCredential>, ISingleResultSpecification<TwoFactorCredential>
{
    public TwoFactorCredentialOfUserSpecification(Guid userId) => Query.Where(c => c.UserId == userId);
}
