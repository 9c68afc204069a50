using System.Net;
using System.Net.Sockets;
using Crm.Application.Webhooks.Common;
using Crm.Domain.Errors;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.Webhooks;

/// <summary>
/// Keeps webhooks from turning the service into a proxy into its own network (SSRF): https only (http to loopback in
/// Development or with <see cref="WebhookOptions.AllowInsecure"/>), and no host that resolves to a private, loopback,
/// link-local or otherwise non-public address unless <see cref="WebhookOptions.AllowPrivateTargets"/>. Every address a
/// name resolves to is checked: one public answer does not excuse a private one.
/// </summary>
internal sealed class WebhookTargetPolicy(IOptionsMonitor<WebhookOptions> options, IHostEnvironment environment)
    : IWebhookTargetPolicy
{
    public async Task<Error?> CheckAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return ErrorCatalog.WebhookUrlInsecure;
        }

        var addresses = await ResolveAsync(uri, cancellationToken);
        if (addresses is null || addresses.Length == 0)
        {
            return ErrorCatalog.WebhookUrlUnresolvable;
        }

        if (uri.Scheme == Uri.UriSchemeHttp
            && !((environment.IsDevelopment() || options.CurrentValue.AllowInsecure) && addresses.All(IPAddress.IsLoopback)))
        {
            return ErrorCatalog.WebhookUrlInsecure;
        }

        return !options.CurrentValue.AllowPrivateTargets && addresses.Any(a => !IsPublic(a))
            ? ErrorCatalog.WebhookUrlPrivate
            : null;
    }

    /// <summary>The addresses the service would connect to, or null when the name does not resolve.</summary>
    public static async Task<IPAddress[]?> ResolveAsync(Uri uri, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var literal))
        {
            return [literal];
        }

        try
        {
            return await Dns.GetHostAddressesAsync(uri.IdnHost, cancellationToken);
        }
        catch (SocketException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Whether the address is on the public internet (not private, loopback, link-local, shared, reserved or multicast).</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19)));
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return !(IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6Any)
                || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (b[0] & 0xfe) == 0xfc
                || address.IsIPv6Teredo
                || (b[0] == 0x20 && b[1] == 0x02)
                || (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b));
        }

        return false;
    }
}
