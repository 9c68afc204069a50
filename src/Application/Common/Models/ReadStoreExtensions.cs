using System.Linq.Expressions;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Domain.Common;

namespace Crm.Application.Common.Models;

public static class ReadStoreExtensions
{
    /// <summary>Counts the query, then loads only the requested page of it (the query must be ordered).</summary>
    public static async Task<PagedList<T>> ToPageAsync<T>(
        this IReadStore store, IQueryable<T> query, IPagedRequest request, CancellationToken cancellationToken)
    {
        var total = await store.CountAsync(query, cancellationToken);
        var items = total <= (request.Page - 1) * request.PageSize
            ? []
            : await store.ToListAsync(
                query.Skip((request.Page - 1) * request.PageSize).Take(request.PageSize), cancellationToken);
        return new PagedList<T>(items, request.Page, request.PageSize, total);
    }

    /// <summary>
    /// Loads a page by number, or after the request's cursor. <paramref name="creationOrder"/> says whether the
    /// query is ordered by creation time then id (and in which direction); only such lists issue and take cursors.
    /// </summary>
    public static async Task<PagedList<T>> ToPageAsync<T>(
        this IReadStore store,
        IQueryable<T> query,
        IPagedRequest request,
        SortOrder? creationOrder,
        CancellationToken cancellationToken)
        where T : ICreationOrdered
    {
        if (request.Cursor is null)
        {
            var page = await store.ToPageAsync(query, request, cancellationToken);
            return creationOrder is { } direction
                ? page with { NextCursor = NextCursor(page.Items, (page.Page - 1) * page.PageSize, page.Total, direction) }
                : page;
        }

        if (creationOrder is not { } order)
        {
            throw new InvalidInputException(
                "cursor_not_supported", "A cursor pages through the list in creation order only; use order_by=created_at.");
        }

        var cursor = PageCursor.Decode(request.Cursor);
        if (cursor.Order != order)
        {
            throw new InvalidInputException("invalid_cursor", "The cursor was issued for the opposite order; start again without it.");
        }

        var total = await store.CountAsync(query, cancellationToken);
        var items = await store.ToListAsync(query.Where(After<T>(cursor)).Take(request.PageSize), cancellationToken);
        return new PagedList<T>(items, (cursor.Offset / request.PageSize) + 1, request.PageSize, total)
        {
            NextCursor = NextCursor(items, cursor.Offset, total, order),
        };
    }

    private static string? NextCursor<T>(IReadOnlyList<T> items, int before, int total, SortOrder order)
        where T : ICreationOrdered
    {
        var seen = before + items.Count;
        return items.Count == 0 || seen >= total ? null : new PageCursor(items[^1].CreatedAt, items[^1].Id, seen, order).Encode();
    }

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
