namespace Crm.Application.Common.Models;

/// <summary>One page of a collection, as every list endpoint answers.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int Pages => Total == 0 ? 0 : (int)Math.Ceiling(Total / (double)PageSize);

    /// <summary>
    /// Where the next page starts, when the list is in creation order and more rows follow; pass it back as
    /// <c>cursor</c> to read on. Null on the last page and for other orders.
    /// </summary>
    public string? NextCursor { get; init; }
}
