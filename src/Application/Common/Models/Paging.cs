using Crm.Application.Common.Exceptions;
using FluentValidation.Results;

namespace Crm.Application.Common.Models;

public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>The deepest page a list serves by number; deeper walks follow <c>next_cursor</c>, whose cost does not grow.</summary>
    public const int MaxPage = 10_000;

    /// <summary>
    /// How many rows come before the request's page. Validators refuse a page out of range first; this guard keeps a
    /// list without that rule from overflowing into a negative offset.
    /// </summary>
    public static int Offset(IPagedRequest request) =>
        request is { Page: >= 1 and <= MaxPage, PageSize: >= 1 and <= MaxPageSize }
            ? (request.Page - 1) * request.PageSize
            : throw new ValidationException([new ValidationFailure(
                request.Page is < 1 or > MaxPage ? nameof(request.Page) : nameof(request.PageSize),
                request.Page is < 1 or > MaxPage ? $"must be between 1 and {MaxPage}" : $"must be between 1 and {MaxPageSize}")]);
}
