using Crm.Application.Common.Interfaces;
using Crm.Domain.Users;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.Identity;

/// <summary>
/// Counts failed sign-ins in a sliding window per email and per client address. ASP.NET Core's rate limiter
/// counts every request, successes too; this counts failures only, so a user who signs in correctly is never
/// slowed down by its own successful sign-ins. Entries expire with the window, so memory stays bounded.
/// </summary>
internal sealed class LoginThrottle(IMemoryCache cache, IOptions<LoginThrottleOptions> options, TimeProvider time)
    : ILoginThrottle
{
    public TimeSpan? RetryAfter(string email, string? clientAddress)
    {
        var now = time.GetUtcNow();
        var waits = Keys(email, clientAddress)
            .Select(k => cache.Get<FailureWindow>(k)?.RetryAfter(now, options.Value))
            .Where(w => w is not null)
            .ToList();
        return waits.Count == 0 ? null : waits.Max();
    }

    public void RecordFailure(string email, string? clientAddress)
    {
        var now = time.GetUtcNow();
        foreach (var key in Keys(email, clientAddress))
        {
            var window = cache.GetOrCreate(key, entry =>
            {
                entry.SlidingExpiration = options.Value.Window;
                return new FailureWindow();
            })!;
            window.Add(now, options.Value);
        }
    }

    private static IEnumerable<string> Keys(string email, string? clientAddress)
    {
        yield return "login-failures:email:" + User.Normalize(email);
        if (!string.IsNullOrEmpty(clientAddress))
        {
            yield return "login-failures:client:" + clientAddress;
        }
    }

    /// <summary>The most recent failures of one key, oldest first.</summary>
    private sealed class FailureWindow
    {
        private readonly Queue<DateTimeOffset> _failures = new();

        public void Add(DateTimeOffset now, LoginThrottleOptions options)
        {
            lock (_failures)
            {
                _failures.Enqueue(now);
                while (_failures.Count > options.MaxFailures)
                {
                    _failures.Dequeue();
                }
            }
        }

        public TimeSpan? RetryAfter(DateTimeOffset now, LoginThrottleOptions options)
        {
            lock (_failures)
            {
                while (_failures.Count > 0 && _failures.Peek() <= now - options.Window)
                {
                    _failures.Dequeue();
                }

                return _failures.Count >= options.MaxFailures ? _failures.Peek() + options.Window - now : null;
            }
        }
    }
}
