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

    public static LoginResult Failed(Error failure) => new(null, failure, null);

    /// <summary>The password was right and the account has two-factor sign-in: a code must complete it.</summary>
    public static LoginResult TwoFactorRequired(string challengeToken) =>
        new(null, ErrorCatalog.TwoFactorRequired, null) { ChallengeToken = challengeToken };

    /// <summary>The token of the challenge a two-factor code completes; only with <c>two_factor_required</c>.</summary>
    public string? ChallengeToken { get; init; }

    /// <summary>The tokens, or the refusal as the exception its problem response is made from.</summary>
    public AuthResult TokensOrThrow() => Tokens ?? throw (this switch
    {
        { RetryAfter: { } wait } => new TooManyRequestsException(Failure!, wait),
        { ChallengeToken: { } challenge } => new TwoFactorRequiredException(challenge),
        { Failure.Kind: ErrorKind.Unauthenticated } => new UnauthorizedException(Failure!),
        _ => (CodedException)new InvalidInputException(Failure!),
    });
}
