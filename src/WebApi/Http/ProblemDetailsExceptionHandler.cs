using System.Globalization;
using System.Text.Json;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Validation;
using Crm.Domain.Common;
using Crm.Domain.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Crm.WebApi.Http;

/// <summary>The one place where exceptions become problem responses; unexpected ones never show internals.</summary>
public sealed class ProblemDetailsExceptionHandler(ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ValidationException validation => ValidationProblem(validation),
            BusinessRuleException rule => Problems.Create(rule.Error, rule.Detail),
            TooManyRequestsException e => TooManyRequests(context, e),
            TwoFactorRequiredException e => TwoFactorRequired(e),
            CodedException e => Problems.Create(e.Error, e.Detail),
            InvalidDataException e when e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) =>
                Problems.Create(ErrorCatalog.PayloadTooLarge),
            BadHttpRequestException e => BadRequest(context, e),
            _ => null,
        };

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", context.Request.Method, context.Request.Path);
            problem = Problems.Create(ErrorCatalog.InternalError);
        }

        await Problems.WriteAsync(context, problem);
        return true;
    }

    private static ProblemDetails ValidationProblem(ValidationException exception)
    {
        var problem = Problems.Create(ErrorCatalog.ValidationFailed);
        problem.Extensions["errors"] = exception.Errors.ToDictionary(e => SnakeCasePath(e.Key), e => e.Value);
        return problem;
    }

    private static ProblemDetails TwoFactorRequired(TwoFactorRequiredException exception)
    {
        var problem = Problems.Create(exception.Error);
        problem.Extensions["challenge_token"] = exception.ChallengeToken;
        return problem;
    }

    private static ProblemDetails TooManyRequests(HttpContext context, TooManyRequestsException exception)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(exception.RetryAfter.TotalSeconds));
        var headers = context.Response.Headers;
        headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (exception.Limit is { } limit)
        {
            // The limit reached is the tightest one: it replaces the headers of a looser bucket that admitted the request.
            headers["RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
            headers["RateLimit-Remaining"] = "0";
            headers["RateLimit-Reset"] = headers.RetryAfter;
        }

        var detail = exception.Detail is null ? $"Retry after {seconds} seconds." : $"{exception.Detail} Retry after {seconds} seconds.";
        return Problems.Create(exception.Error, detail);
    }

    private static ProblemDetails BadRequest(HttpContext context, BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException { Path: { Length: > 2 } at, InnerException: InvalidOperationException invalid }
            && invalid.Message.Contains("surrogate", StringComparison.OrdinalIgnoreCase))
        {
            // A string escaping half of a surrogate pair: valid JSON, but not text any storage or reader accepts.
            var problem = Problems.Create(ErrorCatalog.ValidationFailed);
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [FieldOf(at)] = [TextInput.SurrogateMessage] };
            return problem;
        }

        if (exception.InnerException is JsonException json)
        {
            return Problems.Create(
                ErrorCatalog.MalformedJson,
                json.Path is { Length: > 1 } path ? $"The value at '{path}' is missing, malformed or not allowed." : null);
        }

        if (exception.StatusCode == StatusCodes.Status400BadRequest && ParameterBinding.Failure(context, exception) is { } failure)
        {
            var problem = Problems.Create(ErrorCatalog.ValidationFailed);
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [failure.Name] = [failure.Message] };
            return problem;
        }

        // The framework's own messages name C# types and parameters; the catalog's title says enough.
        return Problems.Create(ErrorCatalog.ForStatus(exception.StatusCode));
    }

    /// <summary><c>$.payload.text</c> becomes <c>payload.text</c>, the field's name in validation errors.</summary>
    private static string FieldOf(string jsonPath) => jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath;

    /// <summary><c>Items[0].DueDate</c> becomes <c>items[0].due_date</c>, the names clients send.</summary>
    private static string SnakeCasePath(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(segment =>
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            return bracket < 0
                ? JsonNamingPolicy.SnakeCaseLower.ConvertName(segment)
                : JsonNamingPolicy.SnakeCaseLower.ConvertName(segment[..bracket]) + segment[bracket..];
        }));
}
