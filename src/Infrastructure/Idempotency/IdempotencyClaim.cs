namespace Crm.Infrastructure.Idempotency;

/// <summary>What claiming a key found: the claim to record or release, or what to answer instead of running.</summary>
public sealed record IdempotencyClaim(IdempotencyClaimState State, Guid ClaimId = default, StoredAnswer? Answer = null);
