using Crm.Application.Common.Exceptions;
using Crm.Domain.Errors;

namespace Crm.Application.Common.RateLimiting;

public static class KeyedRateLimiterExtensions
{
    /// <summary>Takes a slot or answers 429 rate_limited, the detail naming the limit that was reached.</summary>
    public static async Task EnforceAsync(
        this IKeyedRateLimiter limiter, KeyedLimit limit, string key, string what, CancellationToken cancellationToken)
    {
        var decision = await limiter.TryAcquireAsync(limit, key, cancellationToken);
        if (!decision.Admitted)
        {
            throw new TooManyRequestsException(
                ErrorCatalog.RateLimited,
                decision.Reset,
                $"Too many requests for {what}: at most {decision.Limit} in the window.")
            {
                Limit = decision.Limit,
            };
        }
    }
}
