namespace Crm.Application.Common.Models;

/// <summary>A list request's paging: page from 1, page size 1 to 100.</summary>
public interface IPagedRequest
{
    int Page { get; }

    int PageSize { get; }

    /// <summary>An opaque position from a previous page's <c>next_cursor</c>; replaces <c>page</c>.</summary>
    string? Cursor => null;
}
