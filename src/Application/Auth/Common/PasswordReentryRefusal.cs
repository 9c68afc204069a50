namespace Crm.Application.Auth.Common;

/// <summary>A password typed again was refused: throttled (<see cref="RetryAfter"/> says how long to wait) or wrong.</summary>
public sealed record PasswordReentryRefusal(TimeSpan? RetryAfter);
