using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Xml;
using Crm.Application.Exports.Common;

namespace Crm.Infrastructure.Exports;

/// <summary>
/// An XLSX workbook (Office Open XML, SpreadsheetML) written as it is read: the ZIP entries are created one after the
/// other in streaming mode and each sheet's XML is written as text straight into its entry (cells carry their reference,
/// so empty ones are left out), so memory holds one page, whatever the size. (The Open XML SDK's package layer needs a readable, seekable output, on which the ZIP is
/// rewritten in memory; this writes the few parts a workbook needs itself.) A sheet holds at most
/// <see cref="MaxRowsPerSheet"/> rows besides its header, as spreadsheet programs allow; the rest continue on further
/// sheets. Text is an inline string, numbers are numbers; a cell never holds a formula.
/// </summary>
internal sealed class XlsxExportWriter : IExportWriter
{
    public const int MaxRowsPerSheet = 1_048_575;

    /// <summary>The most characters a cell holds.</summary>
    private const int MaxCellLength = 32_767;

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    private static readonly XmlWriterSettings Xml = new() { Encoding = new UTF8Encoding(false), Async = true };

    private readonly ZipArchive _zip;
    private readonly IReadOnlyList<ExportColumn> _columns;
    private readonly IExportNames _names;
    private readonly string _sheetName;
    private Stream? _entry;
    private readonly string[] _references;
    private readonly char[] _buffer = new char[128];
    private readonly char[] _rowNumber = new char[16];
    private int _rowNumberLength;
    private StreamWriter? _sheet;
    private int _sheets;
    private int _rowsInSheet;

    public XlsxExportWriter(Stream output, IReadOnlyList<ExportColumn> columns, IExportNames names, string sheetName)
    {
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        _columns = columns;
        _names = names;
        _sheetName = sheetName;
        _references = [.. Enumerable.Range(0, columns.Count).Select(ColumnReference)];
    }

    public async Task WriteAsync(IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            if (_sheet is null || _rowsInSheet == MaxRowsPerSheet)
            {
                await StartSheetAsync();
            }

            _rowsInSheet++;
            RowNumber(_rowsInSheet + 1);
            _sheet!.Write("<row>");
            for (var i = 0; i < _columns.Count; i++)
            {
                Cell(_sheet, _references[i], ExportValues.Cell(_columns[i], row, _names));
            }

            _sheet.Write("</row>");
        }

        await _sheet!.FlushAsync(cancellationToken);
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_sheet is null)
        {
            await StartSheetAsync();
        }

        await EndSheetAsync();
        await PartAsync("xl/workbook.xml", async x =>
        {
            await x.WriteStartElementAsync(null, "workbook", Main);
            await x.WriteAttributeStringAsync("xmlns", "r", null, Relationships);
            await x.WriteStartElementAsync(null, "sheets", Main);
            for (var i = 1; i <= _sheets; i++)
            {
                await x.WriteStartElementAsync(null, "sheet", Main);
                await x.WriteAttributeStringAsync(null, "name", null, i == 1 ? _sheetName : $"{_sheetName} ({i})");
                await x.WriteAttributeStringAsync(null, "sheetId", null, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                await x.WriteAttributeStringAsync("r", "id", Relationships, $"rId{i}");
                await x.WriteEndElementAsync();
            }
        });
        await PartAsync("xl/_rels/workbook.xml.rels", async x =>
        {
            await x.WriteStartElementAsync(null, "Relationships", PackageRelationships);
            for (var i = 1; i <= _sheets; i++)
            {
                await RelationshipAsync(x, $"rId{i}", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", $"worksheets/sheet{i}.xml");
            }
        });
        await PartAsync("_rels/.rels", async x =>
        {
            await x.WriteStartElementAsync(null, "Relationships", PackageRelationships);
            await RelationshipAsync(x, "rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml");
        });
        await PartAsync("[Content_Types].xml", async x =>
        {
            const string types = "http://schemas.openxmlformats.org/package/2006/content-types";
            await x.WriteStartElementAsync(null, "Types", types);
            await ContentTypeAsync(x, types, "Default", "Extension", "rels", "application/vnd.openxmlformats-package.relationships+xml");
            await ContentTypeAsync(x, types, "Default", "Extension", "xml", "application/xml");
            await ContentTypeAsync(x, types, "Override", "PartName", "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
            for (var i = 1; i <= _sheets; i++)
            {
                await ContentTypeAsync(x, types, "Override", "PartName", $"/xl/worksheets/sheet{i}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
            }
        });
        _zip.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        if (_sheet is not null)
        {
            await _sheet.DisposeAsync();
        }

        if (_entry is not null)
        {
            await _entry.DisposeAsync();
        }

        _zip.Dispose();
    }

    private async Task StartSheetAsync()
    {
        await EndSheetAsync();
        _sheets++;
        _entry = _zip.CreateEntry($"xl/worksheets/sheet{_sheets}.xml", CompressionLevel.Fastest).Open();
        _sheet = new StreamWriter(_entry, new UTF8Encoding(false), 1 << 16);
        _sheet.Write($"<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?><worksheet xmlns=\"{Main}\"><sheetData><row>");
        RowNumber(1);
        for (var i = 0; i < _columns.Count; i++)
        {
            Cell(_sheet, _references[i], _columns[i].Name);
        }

        _sheet.Write("</row>");
        _rowsInSheet = 0;
    }

    private async Task EndSheetAsync()
    {
        if (_sheet is null)
        {
            return;
        }

        await _sheet.WriteAsync("</sheetData></worksheet>");
        await _sheet.DisposeAsync();
        await _entry!.DisposeAsync();
        (_sheet, _entry) = (null, null);
    }

    /// <summary>A column's letters: A to Z, then AA, AB and so on.</summary>
    private static string ColumnReference(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    private async Task PartAsync(string name, Func<XmlWriter, Task> write)
    {
        await using var entry = _zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        await using var xml = XmlWriter.Create(entry, Xml);
        await xml.WriteStartDocumentAsync(true);
        await write(xml);
        await xml.WriteEndDocumentAsync();
    }

    private static async Task RelationshipAsync(XmlWriter x, string id, string type, string target)
    {
        await x.WriteStartElementAsync(null, "Relationship", PackageRelationships);
        await x.WriteAttributeStringAsync(null, "Id", null, id);
        await x.WriteAttributeStringAsync(null, "Type", null, type);
        await x.WriteAttributeStringAsync(null, "Target", null, target);
        await x.WriteEndElementAsync();
    }

    private static async Task ContentTypeAsync(XmlWriter x, string ns, string element, string keyName, string key, string contentType)
    {
        await x.WriteStartElementAsync(null, element, ns);
        await x.WriteAttributeStringAsync(null, keyName, null, key);
        await x.WriteAttributeStringAsync(null, "ContentType", null, contentType);
        await x.WriteEndElementAsync();
    }

    /// <summary>One cell: a number as a number, anything else as an inline string; nothing at all when empty.</summary>
    private void RowNumber(int row) =>
        row.TryFormat(_rowNumber, out _rowNumberLength, default, System.Globalization.CultureInfo.InvariantCulture);

    private void Cell(StreamWriter x, string column, object? value)
    {
        if (value is null)
        {
            return;
        }

        x.Write("<c r=\"");
        x.Write(column);
        x.Write(_rowNumber.AsSpan(0, _rowNumberLength));
        if (ExportValues.IsNumber(value) && ExportValues.TryFormat(value is JsonElement json ? json.GetDecimal() : value, _buffer, out var digits))
        {
            x.Write("\"><v>");
            x.Write(_buffer.AsSpan(0, digits));
            x.Write("</v></c>");
            return;
        }

        ReadOnlySpan<char> text;
        if (value is string plain)
        {
            text = plain;
        }
        else if (ExportValues.TryFormat(value, _buffer, out var written))
        {
            text = _buffer.AsSpan(0, written);
        }
        else
        {
            text = ExportValues.Text(value);
        }

        if (text.Length > MaxCellLength)
        {
            text = text[..MaxCellLength];
        }

        x.Write(text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
            ? "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">"
            : "\" t=\"inlineStr\"><is><t>");
        Escaped(x, text);
        x.Write("</t></is></c>");
    }

    /// <summary>Text as XML character data: markup characters escaped, characters XML cannot hold left out.</summary>
    private static void Escaped(StreamWriter x, ReadOnlySpan<char> text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string? replacement;
            if (c is '&')
            {
                replacement = "&amp;";
            }
            else if (c is '<')
            {
                replacement = "&lt;";
            }
            else if (c is '>')
            {
                replacement = "&gt;";
            }
            else if ((c < ' ' && c is not ('\t' or '\n' or '\r')) || c is '\uFFFE' or '\uFFFF')
            {
                replacement = string.Empty;
            }
            else if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                replacement = string.Empty;
            }
            else
            {
                continue;
            }

            x.Write(text[start..i]);
            x.Write(replacement);
            start = i + 1;
        }

        x.Write(text[start..]);
    }
}
