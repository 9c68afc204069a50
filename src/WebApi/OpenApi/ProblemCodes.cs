namespace Crm.WebApi.OpenApi;

/// <summary>Endpoint metadata: the problem codes an endpoint may answer with one status, for the OpenAPI document.</summary>
public sealed record ProblemCodes(int Status, IReadOnlyList<string> Codes);
