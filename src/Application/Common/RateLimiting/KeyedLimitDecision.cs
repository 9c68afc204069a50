namespace Crm.Application.Common.RateLimiting;

/// <summary>
/// A keyed limiter's answer: admitted or not, the limit in force, what is left of it, and how long until a slot
/// frees (the wait when refused).
/// </summary>
public sealed record KeyedLimitDecision(bool Admitted, int Limit, int Remaining, TimeSpan Reset);
