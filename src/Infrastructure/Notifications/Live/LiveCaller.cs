using System.Globalization;
using System.Security.Claims;
using Crm.Infrastructure.Identity;

namespace Crm.Infrastructure.Notifications.Live;

/// <summary>Who holds a live connection: the person, the session of their access token, and when that token expires.</summary>
public sealed record LiveCaller(Guid UserId, Guid SessionId, DateTimeOffset TokenExpiresAt)
{
    /// <summary>The caller of a signed-in person's access token; false for anything else (an API key).</summary>
    public static bool TryRead(ClaimsPrincipal? user, out LiveCaller caller)
    {
        caller = null!;
        if (user is null
            || !Guid.TryParse(user.FindFirstValue(CrmClaims.UserId), out var userId)
            || !Guid.TryParse(user.FindFirstValue(CrmClaims.SessionId), out var sessionId)
            || !long.TryParse(user.FindFirstValue("exp"), NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return false;
        }

        caller = new LiveCaller(userId, sessionId, DateTimeOffset.FromUnixTimeSeconds(expires));
        return true;
    }
}
