using System.Net;
using Microsoft.Extensions.Options;

namespace Crm.WebApi.Http;

/// <summary>Every proxy is an address, every network a CIDR range, and no range is the whole internet (which would let any client choose its address).</summary>
internal sealed class TrustedProxyOptionsValidation : IValidateOptions<TrustedProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, TrustedProxyOptions options)
    {
        for (var i = 0; i < options.KnownProxies.Count; i++)
        {
            if (!IPAddress.TryParse(options.KnownProxies[i], out _))
            {
                return ValidateOptionsResult.Fail(
                    $"{TrustedProxies.Section}:KnownProxies:{i} must be an IP address such as 10.0.0.5 (is {options.KnownProxies[i]}).");
            }
        }

        for (var i = 0; i < options.KnownNetworks.Count; i++)
        {
            var setting = $"{TrustedProxies.Section}:KnownNetworks:{i}";
            if (!System.Net.IPNetwork.TryParse(options.KnownNetworks[i], out var network))
            {
                return ValidateOptionsResult.Fail($"{setting} must be a network in CIDR notation such as 172.16.0.0/12 (is {options.KnownNetworks[i]}).");
            }

            if (network.PrefixLength == 0)
            {
                return ValidateOptionsResult.Fail(
                    $"{setting} is {options.KnownNetworks[i]}, every address: any client could then choose the address that rate limits and the audit trail see.");
            }
        }

        return ValidateOptionsResult.Success;
    }
}
