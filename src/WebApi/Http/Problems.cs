using System.Diagnostics;
using Crm.Domain.Errors;
using Microsoft.AspNetCore.Mvc;

namespace Crm.WebApi.Http;

/// <summary>Builds and writes RFC 9457 problem responses with the API's stable <c>code</c> and <c>trace_id</c>.</summary>
public static class Problems
{
    public const string TypeBase = "https://crm.dev/errors/";

    /// <summary>The problem of a catalog entry: its code, status and title, and what is particular to this occurrence.</summary>
    public static ProblemDetails Create(Error error, string? detail = null)
    {
        var problem = new ProblemDetails
        {
            Type = TypeBase + error.Code,
            Title = error.Title,
            Status = error.Status,
            Detail = detail,
        };
        problem.Extensions["code"] = error.Code;
        return problem;
    }

    public static async Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        var writer = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await writer.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    /// <summary>Adds what every problem carries: a code (from the status when none was set) and the trace id.</summary>
    public static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (!problem.Extensions.ContainsKey("code"))
        {
            var error = ErrorCatalog.ForStatus(status);
            problem.Extensions["code"] = error.Code;
            problem.Type = TypeBase + error.Code;
            problem.Title = error.Title;
        }

        problem.Extensions.Remove("traceId");
        problem.Extensions["trace_id"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        problem.Extensions["request_id"] = context.HttpContext.TraceIdentifier;
    }
}
