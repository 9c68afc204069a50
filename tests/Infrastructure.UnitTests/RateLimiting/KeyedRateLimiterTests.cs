using Crm.Application.Common.RateLimiting;
using Crm.Infrastructure.RateLimiting;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.UnitTests.RateLimiting;

public sealed class KeyedRateLimiterTests
{
    private readonly SettableTime _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Test]
    public void The_window_slides_a_slot_frees_when_its_use_is_a_window_old_and_the_wait_says_when()
    {
        var limiter = Limiter(new RateLimitOptions { ResendVerificationPerUser = new WindowLimit(3, TimeSpan.FromHours(1)) });
        limiter.TryAcquire(KeyedLimit.ResendVerificationPerUser, "u").Remaining.ShouldBe(2);
        _time.Now += TimeSpan.FromMinutes(20);
        limiter.TryAcquire(KeyedLimit.ResendVerificationPerUser, "u").Remaining.ShouldBe(1);
        limiter.TryAcquire(KeyedLimit.ResendVerificationPerUser, "u").Remaining.ShouldBe(0);

        var refused = limiter.TryAcquire(KeyedLimit.ResendVerificationPerUser, "u");
        refused.Admitted.ShouldBeFalse();
        refused.Reset.ShouldBe(TimeSpan.FromMinutes(40));

        _time.Now += TimeSpan.FromMinutes(40);
        limiter.TryAcquire(KeyedLimit.ResendVerificationPerUser, "u").Admitted.ShouldBeTrue();
        limiter.TryAcquire(KeyedLimit.ResendVerificationPerUser, "u").Admitted.ShouldBeFalse();
    }

    [Test]
    public void Refusals_take_no_slot_and_other_keys_and_limits_are_apart()
    {
        var limiter = Limiter(new RateLimitOptions { RegisterPerEmail = new WindowLimit(1, TimeSpan.FromHours(1)) });
        limiter.TryAcquire(KeyedLimit.RegisterPerEmail, "a").Admitted.ShouldBeTrue();
        for (var i = 0; i < 10; i++)
        {
            limiter.TryAcquire(KeyedLimit.RegisterPerEmail, "a").Admitted.ShouldBeFalse();
        }

        _time.Now += TimeSpan.FromHours(1);
        limiter.TryAcquire(KeyedLimit.RegisterPerEmail, "a").Admitted.ShouldBeTrue();
        limiter.TryAcquire(KeyedLimit.RegisterPerEmail, "b").Admitted.ShouldBeTrue();
        limiter.TryAcquire(KeyedLimit.ForgotPasswordPerEmail, "a").Admitted.ShouldBeTrue();
    }

    [Test]
    public void With_rate_limits_off_everything_is_admitted()
    {
        var limiter = Limiter(new RateLimitOptions { Enabled = false, RegisterPerEmail = new WindowLimit(1, TimeSpan.FromHours(1)) });

        for (var i = 0; i < 5; i++)
        {
            limiter.TryAcquire(KeyedLimit.RegisterPerEmail, "a").Admitted.ShouldBeTrue();
        }
    }

    [Test]
    public void A_limit_configured_to_zero_refuses_everything_for_a_window()
    {
        var refused = Limiter(new RateLimitOptions { RegisterPerEmail = new WindowLimit(0, TimeSpan.FromMinutes(30)) })
            .TryAcquire(KeyedLimit.RegisterPerEmail, "a");

        refused.Admitted.ShouldBeFalse();
        refused.Reset.ShouldBe(TimeSpan.FromMinutes(30));
    }

    private KeyedRateLimiter Limiter(RateLimitOptions options) => new(Options.Create(options), _time);

    private sealed class SettableTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
