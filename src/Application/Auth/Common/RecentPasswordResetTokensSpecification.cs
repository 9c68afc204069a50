using Ardalis.Specification;
using Crm.Domain.Users;

namespace Crm.Application.Auth.Common;

/// <summary>The password-reset tokens issued to a user since a moment.</summary>
public sealed class RecentPasswordResetTokensSpecification : Specification<PasswordResetToken>
{
    public RecentPasswordResetTokensSpecification(Guid userId, DateTime since) =>
        Query.Where(t => t.UserId == userId && t.CreatedAt > since);
}
