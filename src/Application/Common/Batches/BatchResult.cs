namespace Crm.Application.Common.Batches;

/// <summary>Every item's outcome, in the order sent, and their counts.</summary>
public sealed record BatchResult(IReadOnlyList<BatchItemResult> Items, BatchCounts Counts)
{
    public static BatchResult Of(IReadOnlyList<BatchItemResult> items) => new(
        items,
        new BatchCounts(
            items.Count(i => i.Status == BatchItemStatus.Created),
            items.Count(i => i.Status == BatchItemStatus.Updated),
            items.Count(i => i.Status == BatchItemStatus.Unchanged),
            items.Count(i => i.Status == BatchItemStatus.Failed)));
}
