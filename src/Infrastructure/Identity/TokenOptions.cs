namespace Crm.Infrastructure.Identity;

/// <summary>Settings of the <c>Auth</c> section.</summary>
public sealed class TokenOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// The key used only when none is configured in Development. Public, hence worthless as a secret: the service
    /// refuses it in every other environment.
    /// </summary>
    public const string DevelopmentKey = "Y3JtLWRldmVsb3BtZW50LW9ubHktbm90LXNlY3JldCE=";

    /// <summary>
    /// Base64 256-bit keys that encrypt and authenticate access tokens. The first issues tokens; all of them are
    /// accepted, so a new key is rolled out first in second place, then moved first. Every instance of the
    /// service must have the same keys.
    /// </summary>
    public List<string> TokenKeys { get; set; } = [];

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(7);
}
