using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.Identity;

/// <summary>Fills in the development key in Development only, and refuses to start without a real key elsewhere.</summary>
internal sealed class TokenOptionsSetup(IHostEnvironment environment)
    : IPostConfigureOptions<TokenOptions>, IValidateOptions<TokenOptions>
{
    public void PostConfigure(string? name, TokenOptions options)
    {
        if (options.SigningKeys.Count == 0 && environment.IsDevelopment())
        {
            options.SigningKeys.Add(TokenOptions.DevelopmentSigningKey);
        }

        if (options.EncryptionKeys.Count == 0 && environment.IsDevelopment())
        {
            options.EncryptionKeys.Add(TokenOptions.DevelopmentEncryptionKey);
        }
    }

    public ValidateOptionsResult Validate(string? name, TokenOptions options)
    {
        if (options.SigningKeys.Count == 0)
        {
            return ValidateOptionsResult.Fail(
                "Auth:SigningKeys is not configured: set Auth__SigningKeys__0 to an EC P-256 private key, PEM or base64 PKCS#8 " +
                "(openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt).");
        }

        if (!environment.IsDevelopment() && options.SigningKeys.Any(SigningKey.IsDevelopmentKey))
        {
            return ValidateOptionsResult.Fail(
                $"Auth:SigningKeys holds the public development key, which is refused in the {environment.EnvironmentName} environment.");
        }

        if (options.SigningKeys.Any(k => SigningKey.TryRead(k) is null))
        {
            return ValidateOptionsResult.Fail(
                "Every Auth:SigningKeys entry must be an EC P-256 private key, PEM or base64 PKCS#8.");
        }

        if (options.EncryptionKeys.Count == 0)
        {
            return ValidateOptionsResult.Fail(
                "Auth:EncryptionKeys is not configured: set Auth__EncryptionKeys__0 to 32 random bytes in base64 (openssl rand -base64 32).");
        }

        if (options.EncryptionKeys.Any(k => EncryptionKey.TryRead(k) is null))
        {
            return ValidateOptionsResult.Fail("Every Auth:EncryptionKeys entry must be 32 bytes in base64 (openssl rand -base64 32).");
        }

        if (!environment.IsDevelopment() && options.EncryptionKeys.Any(EncryptionKey.IsDevelopmentKey))
        {
            return ValidateOptionsResult.Fail(
                $"Auth:EncryptionKeys holds the public development key, which is refused in the {environment.EnvironmentName} environment.");
        }

        if (string.IsNullOrWhiteSpace(options.Issuer) || string.IsNullOrWhiteSpace(options.Audience))
        {
            return ValidateOptionsResult.Fail("Auth:Issuer and Auth:Audience must not be empty.");
        }

        // Auth:ClockSkew's bounds are its [Range], checked with every other setting's.
        return options.AccessTokenLifetime > TimeSpan.Zero && options.RefreshTokenLifetime > options.AccessTokenLifetime
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Token lifetimes must be positive, the refresh token's the longer.");
    }
}
