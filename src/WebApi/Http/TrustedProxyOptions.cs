namespace Crm.WebApi.Http;

/// <summary>The <c>ForwardedHeaders</c> section: the reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed.</summary>
public sealed class TrustedProxyOptions
{
    /// <summary>Addresses of the proxies (<c>10.0.0.5</c>).</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of the proxies in CIDR notation (<c>172.16.0.0/12</c>).</summary>
    public List<string> KnownNetworks { get; set; } = [];
}
