using Ardalis.Specification;
using Crm.Domain.Sessions;

namespace Crm.Application.Auth.Common;

/// <summary>One live session of a user by its id: another user's session, or an ended one, is not found.</summary>
public sealed class LiveSessionOfUserSpecification : Specification<UserSession>
{
    public LiveSessionOfUserSpecification(Guid sessionId, Guid userId, DateTime now) =>
        Query.Where(s => s.Id == sessionId && s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now);
}
