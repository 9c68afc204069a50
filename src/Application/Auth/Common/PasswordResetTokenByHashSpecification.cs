using Ardalis.Specification;
using Crm.Domain.Users;

namespace Crm.Application.Auth.Common;

/// <summary>The password-reset token whose SHA-256 is <see cref="Hash"/>.</summary>
public sealed class PasswordResetTokenByHashSpecification : Specification<PasswordResetToken>, ISingleResultSpecification<PasswordResetToken>
{
    public PasswordResetTokenByHashSpecification(byte[] hash)
    {
        Hash = hash;
        Query.Where(t => t.TokenHash == hash);
    }

    public byte[] Hash { get; }
}
