using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Security;
using Crm.Domain.Users;

namespace Crm.Application.Auth.Common;

/// <summary>
/// The signed-in user's password typed again to confirm a sensitive change (a new password, the account's deletion).
/// Wrong passwords count in the sign-in throttle of the account's email, so a stolen access token cannot be used to
/// guess it; the slot is taken before the slow hash, as for sign-in, so parallel guesses cannot all pass together, and
/// released when the password is right.
/// </summary>
public static class PasswordReentry
{
    /// <summary>Null when the password is right; otherwise why not, with how long to wait when throttled.</summary>
    public static async Task<PasswordReentryRefusal?> CheckAsync(
        User user, string password, ILoginThrottle throttle, IPasswordHasher hasher, IRequestContext context)
    {
        var attempt = await throttle.TryReserveAsync(user.Email, context.ClientAddress);
        if (attempt.RetryAfter is { } wait)
        {
            return new PasswordReentryRefusal(wait);
        }

        if (hasher.Verify(user.PasswordHash, password) == PasswordCheck.Failed)
        {
            return new PasswordReentryRefusal(null);
        }

        await throttle.ReleaseAsync(attempt);
        return null;
    }
}
