using Crm.Domain.Errors;

namespace Crm.WebApi.OpenApi;

public static class ProblemCodesExtensions
{
    /// <summary>Documents that the endpoint may answer with these catalog entries, each under its own status.</summary>
    public static TBuilder ProducesProblems<TBuilder>(this TBuilder builder, params Error[] errors)
        where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in errors.GroupBy(e => e.Status))
        {
            builder.WithMetadata(new ProblemCodes(status.Key, status.Select(e => e.Code).ToList()));
        }

        return builder;
    }
}
