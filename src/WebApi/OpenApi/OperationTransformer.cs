using System.Text.Json.Nodes;
using Crm.Domain.Errors;
using Crm.WebApi.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Crm.WebApi.OpenApi;

/// <summary>
/// Completes each operation from its endpoint's metadata: the bearer requirement, the <c>X-Organization-Id</c>
/// header, every problem response (with the codes it may carry), and request examples.
/// </summary>
internal sealed class OperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var document = context.Document!;
        var signedIn = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        var scope = metadata.OfType<OrganizationScope>().LastOrDefault();
        var problems = new SortedDictionary<int, List<string>>();
        void AddCode(int status, string code)
        {
            var list = problems.TryGetValue(status, out var known) ? known : problems[status] = [];
            if (!list.Contains(code))
            {
                list.Add(code);
            }
        }

        void Add(params Error[] errors)
        {
            foreach (var error in errors)
            {
                AddCode(error.Status, error.Code);
            }
        }

        var hasInput = context.Description.ParameterDescriptions.Any(p => p.Source != BindingSource.Path)
                       || operation.RequestBody is not null || scope is not null;
        if (hasInput)
        {
            Add(ErrorCatalog.ValidationFailed, ErrorCatalog.MalformedJson, ErrorCatalog.InvalidRequest);
        }

        if (signedIn)
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(DocumentTransformer.BearerScheme, document)] = [] }];
            Add(ErrorCatalog.AuthenticationRequired, ErrorCatalog.InvalidToken, ErrorCatalog.SessionRevoked);
            Add(ErrorCatalog.RateLimited);
        }

        if (scope is not null)
        {
            Add(ErrorCatalog.OrganizationAccessDenied);
        }

        if (scope is { RouteValue: null })
        {
            Add(ErrorCatalog.OrganizationHeaderRequired);
            operation.Parameters ??= [];
            operation.Parameters.Insert(0, new OpenApiParameter
            {
                Name = OrganizationScope.HeaderName,
                In = ParameterLocation.Header,
                Required = true,
                Description = "The organization this request acts in; the caller must be a member of it.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
            });
        }

        if (context.Description.ParameterDescriptions.Any(p => p.Source == BindingSource.Path))
        {
            Add(ErrorCatalog.NotFound);
        }

        foreach (var declared in metadata.OfType<ProblemCodes>())
        {
            foreach (var code in declared.Codes)
            {
                AddCode(declared.Status, code);
            }
        }

        Add(ErrorCatalog.InternalError);
        operation.Responses ??= [];
        foreach (var (status, codes) in problems)
        {
            operation.Responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new OpenApiResponse
            {
                Description = $"{Describe(status)}. Codes: {string.Join(", ", codes.Select(c => $"`{c}`"))}.",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(DocumentTransformer.ProblemSchema, document) },
                },
            };
        }

        QueryParameters.Describe(operation);
        if (operation.OperationId is { } id && Examples.Requests.TryGetValue(id, out var example)
            && operation.RequestBody?.Content?.TryGetValue("application/json", out var body) == true)
        {
            body.Example = JsonNode.Parse(example);
        }

        return Task.CompletedTask;
    }

    private static string Describe(int status) => status switch
    {
        400 => "Invalid input",
        401 => "Not signed in, or the token or session is no longer valid",
        403 => "Not allowed",
        404 => "Not found (records of other organizations are not found either)",
        409 => "Conflicts with the current state",
        413 => "Too large",
        429 => "Too many requests: retry after the Retry-After header's seconds",
        _ => "Unexpected error (no internals are shown)",
    };
}
