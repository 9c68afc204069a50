using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Crm.WebApi.Http;

/// <summary>Builds and writes RFC 9457 problem responses with the API's stable <c>code</c> and <c>trace_id</c>.</summary>
public static class Problems
{
    public const string TypeBase = "https://crm.dev/errors/";

    public static ProblemDetails Create(int status, string code, string title, string? detail = null)
    {
        var problem = new ProblemDetails
        {
            Type = TypeBase + code,
            Title = title,
            Status = status,
            Detail = detail,
        };
        problem.Extensions["code"] = code;
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
            var code = CodeForStatus(status);
            problem.Extensions["code"] = code;
            problem.Type = TypeBase + code;
        }

        problem.Extensions.Remove("traceId");
        problem.Extensions["trace_id"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
    }

    private static string CodeForStatus(int status) => status switch
    {
        400 => "bad_request",
        401 => "authentication_required",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        406 => "not_acceptable",
        409 => "conflict",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        429 => "too_many_requests",
        _ when status >= 500 => "internal_error",
        _ => "error",
    };
}
