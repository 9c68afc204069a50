using Crm.Domain.Errors;

namespace Crm.Application.Common.Idempotency;

/// <summary>
/// What makes a retried POST or PATCH safe: the first answer to a key is kept and replayed to every repeat of the same
/// request, so a client that lost an answer can send the request again without doing the work twice.
/// </summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxLength = 255;

    /// <summary>1 to 255 printable ASCII characters (space to tilde), as Stripe and the IETF draft allow.</summary>
    public static bool IsValid(string? key) =>
        key is { Length: > 0 and <= MaxLength } && key.All(c => c is >= ' ' and <= '~');

    /// <summary>Answers that say "try again" or that came before the request ran: kept, they would refuse a retry.</summary>
    private static readonly HashSet<string> Released =
    [
        ErrorCatalog.ValidationFailed.Code, ErrorCatalog.MalformedJson.Code, ErrorCatalog.InvalidRequest.Code,
        ErrorCatalog.PayloadTooLarge.Code, ErrorCatalog.UnsupportedMediaType.Code, ErrorCatalog.ConcurrentUpdate.Code,
        ErrorCatalog.RateLimited.Code,
    ];

    /// <summary>
    /// Whether an answer is kept for replay: successes, and refusals the request's own work decided (not found,
    /// forbidden, a business rule, a duplicate, a failed precondition), which a retry would only repeat. Server
    /// failures, rate limits, concurrent-update conflicts and input refused before anything ran are not kept: nothing
    /// was done, and a retry with the same key (or, for input, a corrected body) runs afresh.
    /// </summary>
    public static bool Keeps(int status, string? problemCode) =>
        status < 500 && status != 429 && (problemCode is null || !Released.Contains(problemCode));
}
