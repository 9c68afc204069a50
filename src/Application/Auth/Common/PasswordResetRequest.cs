namespace Crm.Application.Auth.Common;

/// <summary>A validated forgot-password request waiting to be looked up, with the client it came from (for the audit).</summary>
public sealed record PasswordResetRequest(string Email, string? ClientAddress, string? UserAgent);
