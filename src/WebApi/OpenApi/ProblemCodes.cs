namespace Crm.WebApi.OpenApi;

/// <summary>Endpoint metadata: the problem codes an endpoint may answer with one status, for the OpenAPI document.</summary>
public sealed record ProblemCodes(int Status, IReadOnlyList<string> Codes);

public static class ProblemCodesExtensions
{
    /// <summary>Documents that the endpoint may answer <paramref name="status"/> with these codes.</summary>
    public static TBuilder ProducesProblems<TBuilder>(this TBuilder builder, int status, params string[] codes)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new ProblemCodes(status, codes));
}
