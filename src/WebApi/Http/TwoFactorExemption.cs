namespace Crm.WebApi.Http;

/// <summary>
/// Endpoint metadata: a member without two-factor sign-in may still call this endpoint in an organization that requires
/// it (reading the organization, to learn why it is refused; leaving it). With <see cref="SelfRouteValue"/>, only
/// when that route value is the caller's own user id.
/// </summary>
public sealed record TwoFactorExemption(string? SelfRouteValue)
{
    public static TwoFactorExemption Always { get; } = new((string?)null);

    public static TwoFactorExemption ForSelf(string routeValue) => new(routeValue);
}
