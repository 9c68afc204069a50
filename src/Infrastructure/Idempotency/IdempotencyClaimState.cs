namespace Crm.Infrastructure.Idempotency;

public enum IdempotencyClaimState
{
    /// <summary>The key is this request's: run it, then record or release the key.</summary>
    Claimed,

    /// <summary>The first request with the key is still running.</summary>
    InProgress,

    /// <summary>The key was used for a different request.</summary>
    Reused,

    /// <summary>The same request was answered already: replay its answer.</summary>
    Answered,
}
