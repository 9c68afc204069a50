using Crm.Application.Auth.Common;
using Crm.Application.Common.Exceptions;
using Crm.Domain.Errors;

namespace Crm.Application.Auth.Commands.Login;

/// <summary>
/// A sign-in's answer. A refused sign-in is an answer, not an exception, so that its audit entry commits with the
/// command's own transaction instead of needing a second connection while the first is held.
/// </summary>
public sealed record LoginResult(AuthResult? Tokens, Error? Failure, TimeSpan? RetryAfter)
{
    public static LoginResult Throttled(TimeSpan wait) => new(null, ErrorCatalog.TooManyLoginAttempts, wait);

    public static LoginResult Refused() => new(null, ErrorCatalog.InvalidCredentials, null);

    /// <summary>The tokens, or the refusal as the exception its problem response is made from.</summary>
    public AuthResult TokensOrThrow() => Tokens ?? throw (RetryAfter is { } wait
        ? new TooManyRequestsException(Failure!, wait)
        : new UnauthorizedException(Failure!));
}
