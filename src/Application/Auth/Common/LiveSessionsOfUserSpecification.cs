using Ardalis.Specification;
using Crm.Domain.Sessions;

namespace Crm.Application.Auth.Common;

/// <summary>A user's sessions that have not been revoked.</summary>
public sealed class LiveSessionsOfUserSpecification : Specification<UserSession>
{
    public LiveSessionsOfUserSpecification(Guid userId)
    {
        UserId = userId;
        Query.Where(s => s.UserId == userId && s.RevokedAt == null);
    }

    public Guid UserId { get; }
}
