namespace Crm.Application.Common.Exceptions;

/// <summary>A failure with a stable, snake_case code that clients can rely on.</summary>
public abstract class CodedException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>No valid credentials or session (HTTP 401).</summary>
public sealed class UnauthorizedException(string code, string message) : CodedException(code, message);

/// <summary>The caller may not do this (HTTP 403).</summary>
public sealed class ForbiddenException(string code, string message) : CodedException(code, message)
{
    public static ForbiddenException OrganizationAccessDenied() =>
        new("organization_access_denied", "You are not a member of this organization.");
}

/// <summary>The record does not exist for this caller (HTTP 404).</summary>
public sealed class NotFoundException(string code, string message) : CodedException(code, message);

/// <summary>The current state conflicts with the request: duplicate, still referenced, concurrent update (HTTP 409).</summary>
public sealed class ConflictException(string code, string message) : CodedException(code, message);

/// <summary>Too many attempts; try again after <see cref="RetryAfter"/> (HTTP 429).</summary>
public sealed class TooManyRequestsException(string code, string message, TimeSpan retryAfter)
    : CodedException(code, message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>The request body is larger than allowed (HTTP 413).</summary>
public sealed class PayloadTooLargeException(string code, string message) : CodedException(code, message);

/// <summary>The content is of a type that is not accepted (HTTP 415).</summary>
public sealed class UnsupportedMediaTypeException(string code, string message) : CodedException(code, message);

/// <summary>The request's input cannot be used (HTTP 400), for rules a validator cannot express.</summary>
public sealed class InvalidInputException(string code, string message) : CodedException(code, message);
