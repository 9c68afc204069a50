using Crm.Application.Common.Interfaces;

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
}
