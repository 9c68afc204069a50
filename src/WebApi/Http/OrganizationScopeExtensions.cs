namespace Crm.WebApi.Http;

public static class OrganizationScopeExtensions
{
    /// <summary>Every endpoint of the group acts in the organization named by the <c>X-Organization-Id</c> header.</summary>
    public static TBuilder RequireOrganizationHeader<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(OrganizationScope.FromHeader);

    public static TBuilder RequireOrganizationRoute<TBuilder>(this TBuilder builder, string routeValue)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(OrganizationScope.FromRoute(routeValue));
}
