using Crm.Application.Common.Interfaces;
using Crm.Domain.Users;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.Identity;

/// <summary>
/// Counts sign-in attempts that did not succeed in a sliding window per email and per client address. ASP.NET
/// Core's rate limiter counts every request, successes too; this counts failures only, so a user who signs in
/// correctly is never slowed down. An attempt takes its slot before the password is hashed (under one lock for both
/// keys), so parallel attempts cannot all pass; a success gives the slot back. Entries expire with the window.
/// </summary>
internal sealed class LoginThrottle(IMemoryCache cache, IOptions<LoginThrottleOptions> options, TimeProvider time)
    : ILoginThrottle
{
    private readonly Lock _gate = new();

    public Task<LoginAttempt> TryReserveAsync(string email, string? clientAddress) => Task.FromResult(TryReserve(email, clientAddress));

    public Task ReleaseAsync(LoginAttempt attempt)
    {
        Release(attempt);
        return Task.CompletedTask;
    }

    public LoginAttempt TryReserve(string email, string? clientAddress)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        lock (_gate)
        {
            var windows = Keys(email, clientAddress).Select(k => cache.GetOrCreate(k, entry =>
            {
                entry.SlidingExpiration = settings.Window;
                return new FailureWindow();
            })!).ToList();
            var waits = windows.Select(w => w.RetryAfter(now, settings)).Where(w => w is not null).ToList();
            if (waits.Count > 0)
            {
                return new LoginAttempt(email, clientAddress, string.Empty, waits.Max());
            }

            var slot = Guid.NewGuid().ToString("N");
            windows.ForEach(w => w.Add(slot, now));
            return new LoginAttempt(email, clientAddress, slot, null);
        }
    }

    public void Release(LoginAttempt attempt)
    {
        lock (_gate)
        {
            foreach (var key in Keys(attempt.Email, attempt.ClientAddress))
            {
                cache.Get<FailureWindow>(key)?.Remove(attempt.SlotId);
            }
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

    /// <summary>The attempts of one key not released, oldest first; used only under the throttle's lock.</summary>
    private sealed class FailureWindow
    {
        private readonly List<(string Slot, DateTimeOffset At)> _attempts = [];

        public void Add(string slot, DateTimeOffset now) => _attempts.Add((slot, now));

        public void Remove(string slot) => _attempts.RemoveAll(a => a.Slot == slot);

        public TimeSpan? RetryAfter(DateTimeOffset now, LoginThrottleOptions options)
        {
            _attempts.RemoveAll(a => a.At <= now - options.Window);
            return _attempts.Count >= options.MaxFailures ? _attempts[^options.MaxFailures].At + options.Window - now : null;
        }
    }
}
