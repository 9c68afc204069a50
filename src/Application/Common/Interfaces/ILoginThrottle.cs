namespace Crm.Application.Common.Interfaces;

/// <summary>
/// Limits sign-in attempts per email and per client address. An attempt reserves its slot before the password is
/// evaluated and counts as a failure unless released, so parallel attempts cannot all pass the check at once.
/// </summary>
public interface ILoginThrottle
{
    /// <summary>Reserves one attempt atomically; a refusal carries how long to wait.</summary>
    Task<LoginAttempt> TryReserveAsync(string email, string? clientAddress);

    /// <summary>The reserved attempt succeeded: it no longer counts as a failure.</summary>
    Task ReleaseAsync(LoginAttempt attempt);
}
