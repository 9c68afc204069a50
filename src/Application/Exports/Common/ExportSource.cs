using System.Runtime.CompilerServices;
using Crm.Application.Common.Models;
using Crm.Domain.Exports;
using MediatR;

namespace Crm.Application.Exports.Common;

/// <summary>
/// Reads an export's rows through the list endpoint's own handler, so that filters, search, ownership and tenancy
/// mean exactly what they mean there: the first page by number (it counts the total), then pages of
/// <see cref="PageSize"/> after each page's cursor, in creation order, each one index seek.
/// </summary>
public sealed class ExportSource<TQuery, TDto>(
    ExportRecordType recordType, IRequestHandler<TQuery, PagedList<TDto>> handler, Func<TQuery, int, string?, TQuery> page)
    : IExportSource
    where TQuery : IRequest<PagedList<TDto>>
    where TDto : notnull
{
    /// <summary>Rows read per query after the first page.</summary>
    public const int PageSize = 5_000;

    public ExportRecordType RecordType => recordType;

    public IReadOnlyList<ExportColumn> Columns => ExportTable<TDto>.Columns;

    public async IAsyncEnumerable<ExportPage> PagesAsync(object query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filters = (TQuery)query;
        var current = await handler.Handle(page(filters, Paging.MaxPageSize, null), cancellationToken);
        var total = current.Total;
        while (true)
        {
            yield return new ExportPage(current.Items.Cast<object>().ToList(), total);
            if (current.NextCursor is not { } cursor)
            {
                yield break;
            }

            current = await handler.Handle(page(filters, PageSize, cursor), cancellationToken);
        }
    }
}
