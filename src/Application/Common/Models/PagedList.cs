namespace Crm.Application.Common.Models;

/// <summary>One page of a collection, as every list endpoint answers.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int Pages => Total == 0 ? 0 : (int)Math.Ceiling(Total / (double)PageSize);
}

/// <summary>A list request's paging: page from 1, page size 1 to 100.</summary>
public interface IPagedRequest
{
    int Page { get; }

    int PageSize { get; }
}

public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
}
