using System.Net;
using Crm.Infrastructure.Configuration;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Crm.WebApi.Http;

/// <summary>
/// The client address and scheme behind a reverse proxy: <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed only when the immediate peer is
/// listed in <c>ForwardedHeaders:KnownProxies</c> (addresses) or <c>ForwardedHeaders:KnownNetworks</c> (CIDR). None
/// is by default (ASP.NET Core would trust loopback), so a client cannot choose the address that throttles, rate
/// limits and the audit trail see.
/// </summary>
public static class TrustedProxies
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddTo(IServiceCollection services)
    {
        services.AddCheckedOptions<TrustedProxyOptions>(Section);
        services.AddSingleton<IValidateOptions<TrustedProxyOptions>, TrustedProxyOptionsValidation>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TrustedProxyOptions>>((options, trusted) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in trusted.Value.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in trusted.Value.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            // Walk back through every trusted proxy of a chain; the first address not trusted is the client.
            options.ForwardLimit = null;
        });
        return services;
    }

    /// <summary>
    /// Adds the forwarded-headers middleware when some proxy is trusted; with both lists empty it would believe
    /// any peer, so it is left out then.
    /// </summary>
    public static void Use(WebApplication app)
    {
        if (app.Configuration.GetSection($"{Section}:KnownProxies").GetChildren().Any()
            || app.Configuration.GetSection($"{Section}:KnownNetworks").GetChildren().Any())
        {
            app.UseForwardedHeaders();
        }
    }
}
