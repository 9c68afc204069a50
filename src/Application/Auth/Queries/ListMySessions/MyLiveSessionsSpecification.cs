using Ardalis.Specification;
using Crm.Domain.Sessions;

namespace Crm.Application.Auth.Queries.ListMySessions;

/// <summary>A user's live sessions, newest first, as the user sees them, at most <see cref="MaxItems"/>.</summary>
public sealed class MyLiveSessionsSpecification : Specification<UserSession, SessionDto>
{
    /// <summary>Bounds the answer: sessions live for the refresh token's lifetime, and every sign-in starts one.</summary>
    public const int MaxItems = 100;

    public MyLiveSessionsSpecification(Guid userId, Guid? currentSessionId, DateTime now)
    {
        Query.AsNoTracking()
            .Where(s => s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now)
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Take(MaxItems);
        Query.Select(s => new SessionDto(s.Id, s.CreatedAt, s.LastUsedAt, s.ClientAddress, s.UserAgent, s.Id == currentSessionId));
    }
}
