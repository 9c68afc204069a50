namespace Crm.WebApi.Http;

/// <summary>
/// Endpoint metadata naming where a request's organization comes from: the <c>X-Organization-Id</c> header
/// (every tenant-scoped resource) or a route value (the organization's own endpoints).
/// </summary>
public sealed record OrganizationScope(string? RouteValue)
{
    public const string HeaderName = "X-Organization-Id";

    public static OrganizationScope FromHeader { get; } = new((string?)null);

    public static OrganizationScope FromRoute(string routeValue) => new(routeValue);
}
