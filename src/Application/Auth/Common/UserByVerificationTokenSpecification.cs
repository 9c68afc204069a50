using Ardalis.Specification;
using Crm.Domain.Users;

namespace Crm.Application.Auth.Common;

/// <summary>The account whose live verification link's token has the SHA-256 <see cref="Hash"/>.</summary>
public sealed class UserByVerificationTokenSpecification : Specification<User>, ISingleResultSpecification<User>
{
    public UserByVerificationTokenSpecification(byte[] hash)
    {
        Hash = hash;
        Query.Where(u => u.EmailVerificationTokenHash == hash);
    }

    public byte[] Hash { get; }
}
