namespace Crm.Application.Changes.Common;

/// <summary>A place in an organization's change feed: the feed is ordered by transaction id, then sequence.</summary>
public readonly record struct ChangeFeedPosition(ulong TransactionId, long Sequence) : IComparable<ChangeFeedPosition>
{
    /// <summary>Before every row: where a client without a cursor starts.</summary>
    public static ChangeFeedPosition Start { get; } = new(0, 0);

    public int CompareTo(ChangeFeedPosition other) =>
        TransactionId != other.TransactionId ? TransactionId.CompareTo(other.TransactionId) : Sequence.CompareTo(other.Sequence);

    public static bool operator <(ChangeFeedPosition left, ChangeFeedPosition right) => left.CompareTo(right) < 0;

    public static bool operator >(ChangeFeedPosition left, ChangeFeedPosition right) => left.CompareTo(right) > 0;

    public static bool operator <=(ChangeFeedPosition left, ChangeFeedPosition right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ChangeFeedPosition left, ChangeFeedPosition right) => left.CompareTo(right) >= 0;
}
