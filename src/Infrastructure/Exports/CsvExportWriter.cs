using System.Globalization;
using System.Text;
using Crm.Application.Exports.Common;
using CsvHelper;

namespace Crm.Infrastructure.Exports;

/// <summary>
/// RFC 4180 CSV in UTF-8 with a byte order mark (so spreadsheet programs read accents right), a header of the column
/// names, and formula-safe cells: a value starting with <c>= + - @</c>, tab or carriage return is escaped so that no
/// spreadsheet runs it.
/// </summary>
internal sealed class CsvExportWriter : IExportWriter
{
    private readonly IReadOnlyList<ExportColumn> _columns;
    private readonly IExportNames _names;
    private readonly StreamWriter _text;
    private readonly CsvWriter _csv;
    private readonly string[] _record;
    private bool _headerWritten;

    public CsvExportWriter(Stream output, IReadOnlyList<ExportColumn> columns, IExportNames names)
    {
        _columns = columns;
        _names = names;
        _text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 65_536, leaveOpen: true);
        _csv = CsvWriter.Create(_text, new CsvWriterOptions { FormatProvider = CultureInfo.InvariantCulture, Injection = CsvInjection.Escape }, leaveOpen: true);
        _record = new string[columns.Count];
    }

    public async Task WriteAsync(IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        await HeaderAsync(cancellationToken);
        foreach (var row in rows)
        {
            for (var i = 0; i < _columns.Count; i++)
            {
                _record[i] = ExportValues.Text(ExportValues.Cell(_columns[i], row, _names));
            }

            await _csv.WriteRecordAsync(_record, cancellationToken);
        }
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await HeaderAsync(cancellationToken);
        await _csv.FlushAsync(cancellationToken);
        await _text.FlushAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _csv.DisposeAsync();
        await _text.DisposeAsync();
    }

    private async Task HeaderAsync(CancellationToken cancellationToken)
    {
        if (!_headerWritten)
        {
            _headerWritten = true;
            await _csv.WriteRecordAsync(_columns.Select(c => c.Name).ToArray(), cancellationToken);
        }
    }
}
