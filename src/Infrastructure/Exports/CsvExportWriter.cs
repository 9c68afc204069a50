using System.Text;
using Crm.Application.Exports.Common;

namespace Crm.Infrastructure.Exports;

/// <summary>
/// RFC 4180 CSV in UTF-8 with a byte order mark (so spreadsheet programs read accents right), a header of the column
/// names, and formula-safe cells: a text starting with <c>= + - @</c>, tab or carriage return is written quoted behind
/// an apostrophe so that no spreadsheet runs it. Ids, times, numbers and names of values are formatted straight into the
/// output's buffer; only text is quoted when it holds a comma, a quote or a line break.
/// </summary>
internal sealed class CsvExportWriter : IExportWriter
{
    private readonly IReadOnlyList<ExportColumn> _columns;
    private readonly IExportNames _names;
    private readonly StreamWriter _text;
    private readonly char[] _buffer = new char[128];
    private bool _headerWritten;

    public CsvExportWriter(Stream output, IReadOnlyList<ExportColumn> columns, IExportNames names)
    {
        _columns = columns;
        _names = names;
        _text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
    }

    public async Task WriteAsync(IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        Header();
        foreach (var row in rows)
        {
            for (var i = 0; i < _columns.Count; i++)
            {
                if (i > 0)
                {
                    _text.Write(',');
                }

                Cell(ExportValues.Cell(_columns[i], row, _names));
            }

            _text.Write("\r\n");
        }

        await _text.FlushAsync(cancellationToken);
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        Header();
        await _text.FlushAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _text.DisposeAsync();

    private void Header()
    {
        if (_headerWritten)
        {
            return;
        }

        _headerWritten = true;
        for (var i = 0; i < _columns.Count; i++)
        {
            if (i > 0)
            {
                _text.Write(',');
            }

            Text(_columns[i].Name);
        }

        _text.Write("\r\n");
    }

    private void Cell(object? value)
    {
        if (value is string text)
        {
            Text(text);
        }
        else if (ExportValues.TryFormat(value, _buffer, out var written))
        {
            _text.Write(_buffer.AsSpan(0, written));
        }
        else
        {
            Text(ExportValues.Text(value));
        }
    }

    private void Text(string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        var formula = text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
        if (!formula && text[0] != ' ' && text[^1] != ' ' && text.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            _text.Write(text);
            return;
        }

        _text.Write(formula ? "\"'" : "\"");
        var rest = text.AsSpan();
        for (var quote = rest.IndexOf('"'); quote >= 0; quote = rest.IndexOf('"'))
        {
            _text.Write(rest[..(quote + 1)]);
            _text.Write('"');
            rest = rest[(quote + 1)..];
        }

        _text.Write(rest);
        _text.Write('"');
    }
}
