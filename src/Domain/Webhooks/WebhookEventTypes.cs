namespace Crm.Domain.Webhooks;

/// <summary>
/// The events a webhook may subscribe to, and the patterns that name them: an event type, <c>*</c> (every event) or
/// <c>resource.*</c> (every event of one resource).
/// </summary>
public static class WebhookEventTypes
{
    public const string Everything = "*";

    /// <summary>Sent on request to test an endpoint; matches no subscription pattern.</summary>
    public const string Ping = "ping";

    public static IReadOnlyList<string> All { get; } =
    [
        "contact.created", "contact.updated", "contact.deleted",
        "company.created", "company.updated", "company.deleted",
        "deal.created", "deal.updated", "deal.deleted", "deal.status_changed", "deal.stage_changed", "deal.won", "deal.lost",
        "task.created", "task.updated", "task.completed", "task.deleted",
        "comment.created",
        "activity.created", "activity.updated", "activity.deleted",
        "member.added", "member.removed",
    ];

    /// <summary>Whether <paramref name="pattern"/> names at least one event: an event type, <c>*</c> or a resource's <c>.*</c>.</summary>
    public static bool IsKnownPattern(string pattern) =>
        pattern == Everything
        || All.Contains(pattern, StringComparer.Ordinal)
        || (pattern.EndsWith(".*", StringComparison.Ordinal) && All.Any(t => t.StartsWith(pattern[..^1], StringComparison.Ordinal)));

    /// <summary>Whether an event of <paramref name="type"/> is sent to a webhook subscribed to <paramref name="patterns"/>.</summary>
    public static bool Matches(IEnumerable<string> patterns, string type) =>
        patterns.Any(p => p == Everything
            || string.Equals(p, type, StringComparison.Ordinal)
            || (p.EndsWith(".*", StringComparison.Ordinal) && type.StartsWith(p[..^1], StringComparison.Ordinal)));
}
