using Crm.Domain.Errors;

namespace Crm.Domain.Sessions;

/// <summary>Why a session ended.</summary>
public static class SessionRevocation
{
    public const string Logout = "logout";
    /// <summary>A used refresh token came back: stored under the code the caller is answered with.</summary>
    public static readonly string RefreshTokenReused = ErrorCatalog.RefreshTokenReused.Code;
    public const string PasswordReset = "password_reset";
    /// <summary>The user changed the password: every other session ends.</summary>
    public const string PasswordChanged = "password_changed";
    /// <summary>The user ended the session from the list of their sessions.</summary>
    public const string EndedByUser = "ended_by_user";

    /// <summary>The user deleted their account: every session ends.</summary>
    public const string AccountDeleted = "account_deleted";
}
