using Crm.Domain.Exports;

namespace Crm.Application.Exports.Common;

/// <summary>The rows an export writes: what the list endpoint would answer its requester, every page of it.</summary>
public interface IExportSource
{
    ExportRecordType RecordType { get; }

    IReadOnlyList<ExportColumn> Columns { get; }

    /// <summary>The rows in creation order, a page at a time; every page carries the total counted at the start.</summary>
    IAsyncEnumerable<ExportPage> PagesAsync(object query, CancellationToken cancellationToken);
}
