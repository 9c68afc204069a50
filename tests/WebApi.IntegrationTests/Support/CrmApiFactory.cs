using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.WebApi.IntegrationTests.Support;

/// <summary>The API in memory against the test database, configured the way an operator would configure it.</summary>
public sealed class CrmApiFactory(
    string connectionString,
    string environment = "Testing",
    string? tokenKey = TestKeys.Primary,
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
        if (tokenKey is not null)
        {
            builder.UseSetting("Auth:TokenKeys:0", tokenKey);
        }

        // Suites send many requests per user; the rate limit tests turn limits on with their own settings.
        builder.UseSetting("RateLimits:Enabled", "false");
        builder.UseSetting("Email:PickupDirectory", MailFolder);
        builder.UseSetting("Files:LocalRoot", FilesFolder);
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

public static class TestKeys
{
    /// <summary>A test-only 256-bit token key (base64 of 32 bytes).</summary>
    public const string Primary = "dGVzdC1vbmx5LWtleS0wMDAwMDAwMDAwMDAwMDAwMDA=";
}
