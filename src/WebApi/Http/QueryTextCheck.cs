using Crm.Application.Common.Validation;
using Crm.Domain.Errors;

namespace Crm.WebApi.Http;

/// <summary>
/// Refuses a query string or route value holding a control character, before the endpoint reads it: every
/// parameter, known or not, on every operation, including those that answer a stream and so could not refuse once
/// they had begun.
/// </summary>
public sealed class QueryTextCheck(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, values) in http.Request.Query)
        {
            var refusal = TextInput.Refusal(name) ?? values.Select(v => v is null ? null : TextInput.Refusal(v)).FirstOrDefault(r => r is not null);
            if (refusal is not null)
            {
                errors[Printable(name)] = [refusal];
            }
        }

        foreach (var (name, value) in http.Request.RouteValues)
        {
            if (value is string text && TextInput.Refusal(text) is { } refusal)
            {
                errors[name] = [refusal];
            }
        }

        if (errors.Count == 0)
        {
            await next(http);
            return;
        }

        var problem = Problems.Create(ErrorCatalog.ValidationFailed);
        problem.Extensions["errors"] = errors;
        await Problems.WriteAsync(http, problem);
    }

    /// <summary>A parameter name as it can be shown back: its control characters replaced.</summary>
    private static string Printable(string name) =>
        TextInput.Refusal(name) is null ? name : new string(name.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? '\uFFFD' : c).ToArray());
}
