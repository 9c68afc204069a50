using Crm.Domain.Errors;

namespace Crm.Application.Common.Exceptions;

/// <summary>The password was right, and a two-factor code must complete the sign-in (HTTP 401 with the challenge's token).</summary>
public sealed class TwoFactorRequiredException(string challengeToken) : CodedException(ErrorCatalog.TwoFactorRequired, null)
{
    public string ChallengeToken { get; } = challengeToken;
}
