using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.Identity;

/// <summary>Fills in the development key in Development only, and refuses to start without a real key elsewhere.</summary>
internal sealed class TokenOptionsSetup(IHostEnvironment environment)
    : IPostConfigureOptions<TokenOptions>, IValidateOptions<TokenOptions>
{
    public void PostConfigure(string? name, TokenOptions options)
    {
        if (options.TokenKeys.Count == 0 && environment.IsDevelopment())
        {
            options.TokenKeys.Add(TokenOptions.DevelopmentKey);
        }
    }

    public ValidateOptionsResult Validate(string? name, TokenOptions options)
    {
        if (options.TokenKeys.Count == 0)
        {
            return ValidateOptionsResult.Fail(
                "Auth:TokenKeys is not configured: set Auth__TokenKeys__0 to a base64 256-bit key (openssl rand -base64 32).");
        }

        if (!environment.IsDevelopment() && options.TokenKeys.Contains(TokenOptions.DevelopmentKey))
        {
            return ValidateOptionsResult.Fail(
                $"Auth:TokenKeys holds the public development key, which is refused in the {environment.EnvironmentName} environment.");
        }

        foreach (var key in options.TokenKeys)
        {
            if (!TryDecode(key, out var bytes) || bytes.Length != 32)
            {
                return ValidateOptionsResult.Fail("Every Auth:TokenKeys entry must be a base64 256-bit (32-byte) key.");
            }
        }

        return options.AccessTokenLifetime > TimeSpan.Zero && options.RefreshTokenLifetime > options.AccessTokenLifetime
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Token lifetimes must be positive, the refresh token's the longer.");
    }

    private static bool TryDecode(string key, out byte[] bytes)
    {
        bytes = new byte[key.Length];
        if (Convert.TryFromBase64String(key, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        return false;
    }
}
