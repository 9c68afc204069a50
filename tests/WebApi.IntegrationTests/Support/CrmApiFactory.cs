using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.WebApi.IntegrationTests.Support;

/// <summary>The API in memory against the test database, configured the way an operator would configure it.</summary>
public sealed class CrmApiFactory(
    string connectionString,
    string environment = "Testing",
    string? signingKey = TestKeys.Primary,
    string? secondSigningKey = null,
    IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    /// <summary>Lets a test choose the client address the service sees.</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    /// <summary>Where this host's development mail transport writes its .eml files.</summary>
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), $"crm-test-mail-{Guid.NewGuid():N}");

    /// <summary>Where this host's local file storage keeps attachments.</summary>
    public string FilesFolder { get; } = Path.Combine(Path.GetTempPath(), $"crm-test-files-{Guid.NewGuid():N}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:Crm", connectionString);
        if (signingKey is not null)
        {
            builder.UseSetting("Auth:SigningKeys:0", signingKey);
        }

        if (secondSigningKey is not null)
        {
            builder.UseSetting("Auth:SigningKeys:1", secondSigningKey);
        }

        builder.UseSetting("Auth:EncryptionKeys:0", TestKeys.Encryption);

        // Suites send many requests per user; the rate limit tests turn limits on with their own settings.
        builder.UseSetting("RateLimits:Enabled", "false");
        builder.UseSetting("Email:PickupDirectory", MailFolder);
        builder.UseSetting("Files:LocalRoot", FilesFolder);

        // Hosts share one database: only a webhook test's own host sends deliveries, with its own settings.
        builder.UseSetting("Webhooks:Dispatch", "false");
        // Likewise exports: the tests run them when they choose, through IExportRunner.
        builder.UseSetting("Exports:Run", "false");
        // And notifications: the tests make them, send their emails and remind of tasks when they choose.
        builder.UseSetting("Notifications:Process", "false");
        // And imports, through IImportRunner.
        builder.UseSetting("Imports:Run", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(s =>
        {
            s.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
            services?.Invoke(s);
        });
    }

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(
            Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use(nextMiddleware => context =>
            {
                context.Connection.RemoteIpAddress =
                    IPAddress.TryParse(context.Request.Headers[ClientAddressHeader], out var address)
                        ? address
                        : IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>Test-only EC P-256 signing keys (base64 PKCS#8), worthless as secrets.</summary>
public static class TestKeys
{
    public const string Primary =
        "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg6R3qwlWu4nFBmGlFvRJV1GuLKKb1zp1sX+tSbAX+uDChRANCAAS6iYdXDWVQzSvKomUhLELyoRHiAec8TigBMod+XtsZb82IrD0Q1TF1xtRHfETwlKAR5PIyMx9MBafrz7zvItYK";

    public const string Secondary =
        "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgw89XNMFFVJxNq+i73rfnsmeBUhn/v/zQujf91kE63ZihRANCAATbnmHn5RpwlSt1TdYAgHXZC0eA9NpMe2VkiDlEiYtXz1NL5M2q5IZrgoQxB6RnBKJl08kxRCHWXdY3fA8x5Emo";

    /// <summary>A test-only AES-256 key (base64 of 32 bytes) for secrets the service stores encrypted.</summary>
    public const string Encryption = "3q2+7wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhs=";

    public const string Stranger =
        "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgoBVjTg8uXTGnRATBiPLGxyhU4deYTpKlU7CymVrY7YChRANCAAR5kxqMd/B+0qZraS0/LrMUa5AXnJg6F9r4lgV1gf5MXYsMQo/+UiB+T9E42fPY/gO8KWA+vWlUHUbZyyNFoADn";
}
