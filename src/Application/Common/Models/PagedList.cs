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

/// <summary>A list request's paging: page from 1, page size 1 to 100.</summary>
public interface IPagedRequest
{
    int Page { get; }

    int PageSize { get; }

    /// <summary>An opaque position from a previous page's <c>next_cursor</c>; replaces <c>page</c>.</summary>
    string? Cursor => null;
}

public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
}
