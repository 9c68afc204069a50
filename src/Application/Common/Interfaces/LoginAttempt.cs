namespace Crm.Application.Common.Interfaces;

/// <summary>A sign-in attempt as the throttle answered it: reserved (with its slot's id) or refused (with a wait).</summary>
public sealed record LoginAttempt(string Email, string? ClientAddress, string SlotId, TimeSpan? RetryAfter)
{
    public bool Admitted => RetryAfter is null;
}
