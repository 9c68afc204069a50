namespace Crm.Infrastructure.Identity;

public sealed class LoginThrottleOptions
{
    public const string Section = "Auth:LoginThrottle";

    /// <summary>Failed sign-ins allowed per email and per client address within <see cref="Window"/>.</summary>
    public int MaxFailures { get; set; } = 5;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
