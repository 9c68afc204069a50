using System.Globalization;
using System.Text.Json;
using Crm.Application.Common.Exceptions;
using Crm.Domain.Common;
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
            BusinessRuleException rule => Problems.Create(StatusOf(rule.Kind), rule.Code, rule.Message),
            UnauthorizedException e => Problems.Create(StatusCodes.Status401Unauthorized, e.Code, e.Message),
            ForbiddenException e => Problems.Create(StatusCodes.Status403Forbidden, e.Code, e.Message),
            InvalidInputException e => Problems.Create(StatusCodes.Status400BadRequest, e.Code, e.Message),
            NotFoundException e => Problems.Create(StatusCodes.Status404NotFound, e.Code, e.Message),
            ConflictException e => Problems.Create(StatusCodes.Status409Conflict, e.Code, e.Message),
            TooManyRequestsException e => TooManyRequests(context, e),
            PayloadTooLargeException e => Problems.Create(StatusCodes.Status413PayloadTooLarge, e.Code, e.Message),
            UnsupportedMediaTypeException e => Problems.Create(StatusCodes.Status415UnsupportedMediaType, e.Code, e.Message),
            InvalidDataException e when e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) =>
                Problems.Create(StatusCodes.Status413PayloadTooLarge, "payload_too_large", "The request body is too large."),
            BadHttpRequestException e => BadRequest(e),
            _ => null,
        };

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", context.Request.Method, context.Request.Path);
            problem = Problems.Create(
                StatusCodes.Status500InternalServerError, "internal_error", "An unexpected error occurred.");
        }

        await Problems.WriteAsync(context, problem);
        return true;
    }

    private static ProblemDetails ValidationProblem(ValidationException exception)
    {
        var problem = Problems.Create(
            StatusCodes.Status400BadRequest, "validation_failed", "One or more fields are invalid.");
        problem.Extensions["errors"] = exception.Errors.ToDictionary(e => SnakeCasePath(e.Key), e => e.Value);
        return problem;
    }

    private static ProblemDetails TooManyRequests(HttpContext context, TooManyRequestsException exception)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(exception.RetryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Problems.Create(
            StatusCodes.Status429TooManyRequests, exception.Code, exception.Message, $"Retry after {seconds} seconds.");
    }

    private static ProblemDetails BadRequest(BadHttpRequestException exception) =>
        exception.InnerException is JsonException json
            ? Problems.Create(
                StatusCodes.Status400BadRequest,
                "malformed_json",
                "The request body is not valid JSON for this endpoint.",
                json.Path is { Length: > 1 } path ? $"The value at '{path}' is missing, malformed or not allowed." : null)
            : Problems.Create(
                exception.StatusCode,
                exception.StatusCode switch
                {
                    StatusCodes.Status400BadRequest => "invalid_request",
                    StatusCodes.Status413PayloadTooLarge => "payload_too_large",
                    _ => "bad_request",
                },
                "The request is malformed.",
                exception.Message);

    private static int StatusOf(DomainErrorKind kind) => kind switch
    {
        DomainErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        DomainErrorKind.NotFound => StatusCodes.Status404NotFound,
        DomainErrorKind.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

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
