namespace Crm.Application.Common.Caching;

/// <summary>The totals of lists, counted once and kept until a record of that kind changes in the organization.</summary>
public interface IListTotals
{
    Task<int> CountAsync<T>(IQueryable<T> query, ListTotalKey key, CancellationToken cancellationToken);
}
