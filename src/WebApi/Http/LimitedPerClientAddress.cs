namespace Crm.WebApi.Http;

/// <summary>
/// Marks an endpoint that anyone may call without signing in: <see cref="CrmRateLimiting"/> gives each client address a
/// bucket for such endpoints, since there is no user to count.
/// </summary>
public sealed class LimitedPerClientAddress
{
    public static readonly LimitedPerClientAddress Instance = new();

    private LimitedPerClientAddress()
    {
    }
}
