using System.Globalization;
using Crm.Domain.Errors;
using Crm.WebApi.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using NJsonSchema;
using NSwag;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Crm.WebApi.OpenApi;

/// <summary>
/// Every problem response an operation may give, with the codes it may carry: those every endpoint of its kind can
/// answer (input, token, organization, path) and those its endpoint declares (<see cref="ProblemCodes"/>).
/// </summary>
internal sealed class ProblemResponsesProcessor : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        var operation = context.OperationDescription.Operation;
        var metadata = OperationMetadata.Of(context);
        var parameters = context is AspNetCoreOperationProcessorContext aspNetCore ? aspNetCore.ApiDescription.ParameterDescriptions : [];
        var scope = OperationMetadata.Scope(metadata);
        var problems = new SortedDictionary<int, List<string>>();
        void AddCodes(int status, IEnumerable<string> codes)
        {
            var list = problems.TryGetValue(status, out var known) ? known : problems[status] = [];
            list.AddRange(codes.Except(list));
        }

        void Add(params Error[] errors)
        {
            foreach (var error in errors)
            {
                AddCodes(error.Status, [error.Code]);
            }
        }

        // Any query string can carry a control character, which every operation refuses (QueryTextCheck).
        Add(ErrorCatalog.ValidationFailed);
        if (parameters.Any(p => p.Source != BindingSource.Path) || operation.RequestBody is not null || scope is not null)
        {
            Add(ErrorCatalog.ValidationFailed, ErrorCatalog.MalformedJson, ErrorCatalog.InvalidRequest);
        }

        if (operation.RequestBody is not null)
        {
            Add(ErrorCatalog.PayloadTooLarge, ErrorCatalog.UnsupportedMediaType);
        }

        if (OperationMetadata.SignedIn(metadata))
        {
            Add(ErrorCatalog.AuthenticationRequired, ErrorCatalog.InvalidToken, ErrorCatalog.SessionRevoked, ErrorCatalog.InvalidApiKey);
            Add(ErrorCatalog.RateLimited);

            // An API key acts in an organization only, and a read-only one changes nothing.
            if (scope is null)
            {
                Add(ErrorCatalog.ApiKeyNotAllowed);
            }
            else if (context.OperationDescription.Method is not ("get" or "head" or "options"))
            {
                Add(ErrorCatalog.ApiKeyReadOnly);
            }
        }

        var method = context.OperationDescription.Method;
        if (OperationMetadata.SignedIn(metadata) && (method == OpenApiOperationMethod.Post || method == OpenApiOperationMethod.Patch))
        {
            // Idempotency-Key (IdempotencyMiddleware).
            Add(ErrorCatalog.InvalidIdempotencyKey, ErrorCatalog.IdempotencyKeyInProgress, ErrorCatalog.IdempotencyKeyReused);
        }

        if (metadata.OfType<LimitedPerClientAddress>().Any())
        {
            Add(ErrorCatalog.RateLimited);
        }

        if (scope is not null)
        {
            Add(ErrorCatalog.OrganizationAccessDenied, ErrorCatalog.OrganizationSuspended, ErrorCatalog.TwoFactorRequiredByOrganization);
        }

        if (scope is { RouteValue: null })
        {
            Add(ErrorCatalog.OrganizationHeaderRequired);
        }

        if (parameters.Any(p => p.Source == BindingSource.Path))
        {
            Add(ErrorCatalog.NotFound);
        }

        foreach (var declared in metadata.OfType<ProblemCodes>())
        {
            AddCodes(declared.Status, declared.Codes);
        }

        Add(ErrorCatalog.InternalError);
        var problem = ProblemSchema.In(context.Document);
        foreach (var (status, codes) in problems)
        {
            var response = new OpenApiResponse { Description = $"{Describe(status)}. Codes: {string.Join(", ", codes.Select(c => $"`{c}`"))}." };
            response.Content["application/problem+json"] = new OpenApiMediaType { Schema = new JsonSchema { Reference = problem } };
            operation.Responses[status.ToString(CultureInfo.InvariantCulture)] = response;
        }

        return true;
    }

    private static string Describe(int status) => status switch
    {
        400 => "Invalid input",
        401 => "Not signed in, or the token, session or API key is no longer valid",
        403 => "Not allowed",
        404 => "Not found (records of other organizations are not found either)",
        409 => "Conflicts with the current state",
        410 => "Gone: what the request names was deleted for good",
        412 => "A condition of the request (If-Match) does not hold",
        413 => "Too large",
        415 => "The body's media type is not accepted",
        416 => "Range not satisfiable: no byte asked for lies in the file; Content-Range gives its length",
        422 => "The Idempotency-Key was used for a different request",
        429 => "Too many requests: retry after the Retry-After header's seconds",
        _ => "Unexpected error (no internals are shown)",
    };
}
