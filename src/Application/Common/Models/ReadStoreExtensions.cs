using System.Linq.Expressions;
using Crm.Application.Common.Caching;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Application.Common.Models;

public static class ReadStoreExtensions
{
    /// <summary>Counts the query, then loads only the requested page of it (the query must be ordered).</summary>
    public static async Task<PagedList<T>> ToPageAsync<T>(
        this IReadStore store, IQueryable<T> query, IPagedRequest request, CancellationToken cancellationToken) =>
        await store.PageOfAsync(query, request, await store.CountAsync(query, cancellationToken), cancellationToken);

    /// <summary>Loads the requested page of an ordered query whose total is already known.</summary>
    private static async Task<PagedList<T>> PageOfAsync<T>(
        this IReadStore store, IQueryable<T> query, IPagedRequest request, int total, CancellationToken cancellationToken)
    {
        var offset = Paging.Offset(request);
        var items = total <= offset
            ? []
            : await store.ToListAsync(query.Skip(offset).Take(request.PageSize), cancellationToken);
        return new PagedList<T>(items, request.Page, request.PageSize, total);
    }

    /// <summary>
    /// Loads a page by number, or after the request's cursor. <paramref name="creationOrder"/> says whether the
    /// query is ordered by creation time then id (and in which direction); only such lists issue and take cursors.
    /// The total comes from <paramref name="totals"/>, counted once per change of the records.
    /// </summary>
    public static async Task<PagedList<T>> ToPageAsync<T>(
        this IReadStore store,
        IQueryable<T> query,
        IPagedRequest request,
        SortOrder? creationOrder,
        IListTotals totals,
        ListTotalKey totalKey,
        CancellationToken cancellationToken)
        where T : ICreationOrdered =>
        await store.ToPageAsync(query, request, creationOrder, () => totals.CountAsync(query, totalKey, cancellationToken), cancellationToken);

    /// <summary>Loads a page by number, or after the request's cursor, of a list counted by the database itself.</summary>
    public static Task<PagedList<T>> ToPageAsync<T>(
        this IReadStore store, IQueryable<T> query, IPagedRequest request, SortOrder creationOrder, CancellationToken cancellationToken)
        where T : ICreationOrdered =>
        store.ToPageAsync(query, request, creationOrder, () => store.CountAsync(query, cancellationToken), cancellationToken);

    private static async Task<PagedList<T>> ToPageAsync<T>(
        this IReadStore store,
        IQueryable<T> query,
        IPagedRequest request,
        SortOrder? creationOrder,
        Func<Task<int>> count,
        CancellationToken cancellationToken)
        where T : ICreationOrdered
    {
        if (request.Cursor is null)
        {
            var page = await store.PageOfAsync(query, request, await count(), cancellationToken);
            var before = (page.Page - 1) * page.PageSize;
            return creationOrder is { } direction && before + page.Items.Count < page.Total
                ? page with { NextCursor = Next(page.Items, before, direction, page.Total, CursorBinding.Of(request, store.Reader)) }
                : page;
        }

        if (creationOrder is not { } order)
        {
            throw new InvalidInputException(ErrorCatalog.CursorNotSupported);
        }

        var cursor = PageCursor.Decode(request.Cursor);
        var binding = CursorBinding.Of(request, store.Reader);
        if (cursor.Binding != binding)
        {
            throw new InvalidInputException(
                ErrorCatalog.InvalidCursor, "The cursor belongs to another list, other filters or another organization; start again without it.");
        }

        if (cursor.Order != order)
        {
            throw new InvalidInputException(ErrorCatalog.InvalidCursor, "The cursor was issued for the opposite order; start again without it.");
        }

        // One row more than the page tells whether another page follows; the total is the one counted when the walk
        // began, so deep pages read no count (rows added since are still reached, as they come after the cursor).
        var rows = await store.ToListAsync(query.Where(After<T>(cursor)).Take(request.PageSize + 1), cancellationToken);
        var items = rows.Count > request.PageSize ? rows[..request.PageSize] : rows;
        var total = Math.Max(cursor.Total, cursor.Offset + items.Count);
        return new PagedList<T>(items, (cursor.Offset / request.PageSize) + 1, request.PageSize, total)
        {
            NextCursor = rows.Count > request.PageSize ? Next(items, cursor.Offset, order, total, binding) : null,
        };
    }

    private static string Next<T>(IReadOnlyList<T> items, int before, SortOrder order, int total, string binding)
        where T : ICreationOrdered =>
        new PageCursor(items[^1].CreatedAt, items[^1].Id, before + items.Count, order, total, binding).Encode();

    /// <summary>Rows strictly after the cursor's row; the first bound lets the database seek the index to it.</summary>
    private static Expression<Func<T, bool>> After<T>(PageCursor cursor)
        where T : ICreationOrdered
    {
        var at = cursor.CreatedAt;
        var id = cursor.Id;
        return cursor.Order == SortOrder.Desc
            ? x => x.CreatedAt <= at && (x.CreatedAt < at || x.Id.CompareTo(id) < 0)
            : x => x.CreatedAt >= at && (x.CreatedAt > at || x.Id.CompareTo(id) > 0);
    }
}
