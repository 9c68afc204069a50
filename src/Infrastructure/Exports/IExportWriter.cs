namespace Crm.Infrastructure.Exports;

/// <summary>Writes an export's rows to its file as they are read: nothing is held beyond the page being written.</summary>
internal interface IExportWriter : IAsyncDisposable
{
    Task WriteAsync(IReadOnlyList<object> rows, CancellationToken cancellationToken);

    /// <summary>Ends the file (closing brackets, the workbook's last parts) and flushes it.</summary>
    Task CompleteAsync(CancellationToken cancellationToken);
}
