namespace Crm.Application.Common.RateLimiting;

/// <summary>
/// A limit on how often one key (an email address, a user) may do something within a window, whichever client
/// address asks: the per-address limits alone let a botnet aim at one mailbox or account.
/// </summary>
public enum KeyedLimit
{
    /// <summary>Registrations attempted for one email address.</summary>
    RegisterPerEmail,

    /// <summary>Password reset requests for one email address (the emails themselves are capped apart).</summary>
    ForgotPasswordPerEmail,

    /// <summary>Verification emails one signed-in user asks for.</summary>
    ResendVerificationPerUser,
}
