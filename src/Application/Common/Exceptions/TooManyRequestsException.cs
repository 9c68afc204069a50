using Crm.Domain.Errors;

namespace Crm.Application.Common.Exceptions;

/// <summary>Too many attempts; try again after <see cref="RetryAfter"/> (HTTP 429).</summary>
public sealed class TooManyRequestsException(Error error, TimeSpan retryAfter, string? detail = null)
    : CodedException(error, detail)
{
    public TimeSpan RetryAfter { get; } = retryAfter;

    /// <summary>The limit that was reached, when it is a counted one: answered in the RateLimit-Limit header.</summary>
    public int? Limit { get; init; }
}
