using System.Globalization;
using System.Text.Json;
using Crm.Application.Common.Exceptions;
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
            BadHttpRequestException e => BadRequest(e),
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

    private static ProblemDetails BadRequest(BadHttpRequestException exception) =>
        exception.InnerException is JsonException json
            ? Problems.Create(
                ErrorCatalog.MalformedJson,
                json.Path is { Length: > 1 } path ? $"The value at '{path}' is missing, malformed or not allowed." : null)
            : Problems.Create(
                ErrorCatalog.ForStatus(exception.StatusCode),
                exception.Message);

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
