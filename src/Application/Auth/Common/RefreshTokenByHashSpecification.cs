using Ardalis.Specification;
using Crm.Domain.Sessions;

namespace Crm.Application.Auth.Common;

/// <summary>The refresh token whose SHA-256 is <see cref="Hash"/>.</summary>
public sealed class RefreshTokenByHashSpecification : Specification<RefreshToken>, ISingleResultSpecification<RefreshToken>
{
    public RefreshTokenByHashSpecification(byte[] hash)
    {
        Hash = hash;
        Query.Where(t => t.TokenHash == hash);
    }

    public byte[] Hash { get; }
}
