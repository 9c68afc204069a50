using Crm.Domain.Users;

namespace Crm.Application.Common.Interfaces;

/// <summary>Issues the short-lived access tokens that carry a user's id and session.</summary>
public interface ITokenIssuer
{
    TimeSpan RefreshTokenLifetime { get; }

    AccessToken IssueAccessToken(User user, Guid sessionId);
}

public sealed record AccessToken(string Token, int ExpiresInSeconds);
