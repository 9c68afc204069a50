using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Xml;
using Crm.Application.Exports.Common;

namespace Crm.Infrastructure.Exports;

/// <summary>
/// An XLSX workbook (Office Open XML, SpreadsheetML) written as it is read: the ZIP entries are created one after the
/// other in streaming mode and each sheet's XML goes out through an <see cref="XmlWriter"/>, so memory holds one page,
/// whatever the size. (The Open XML SDK's package layer needs a readable, seekable output, on which the ZIP is
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
    private XmlWriter? _sheet;
    private int _sheets;
    private int _rowsInSheet;

    public XlsxExportWriter(Stream output, IReadOnlyList<ExportColumn> columns, IExportNames names, string sheetName)
    {
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        _columns = columns;
        _names = names;
        _sheetName = sheetName;
    }

    public async Task WriteAsync(IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            if (_sheet is null || _rowsInSheet == MaxRowsPerSheet)
            {
                await StartSheetAsync();
            }

            await _sheet!.WriteStartElementAsync(null, "row", Main);
            foreach (var column in _columns)
            {
                await CellAsync(_sheet, ExportValues.Cell(column, row, _names));
            }

            await _sheet.WriteEndElementAsync();
            _rowsInSheet++;
        }

        await _sheet!.FlushAsync();
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
        _sheet = XmlWriter.Create(_entry, Xml);
        await _sheet.WriteStartDocumentAsync(true);
        await _sheet.WriteStartElementAsync(null, "worksheet", Main);
        await _sheet.WriteStartElementAsync(null, "sheetData", Main);
        await _sheet.WriteStartElementAsync(null, "row", Main);
        foreach (var column in _columns)
        {
            await CellAsync(_sheet, column.Name);
        }

        await _sheet.WriteEndElementAsync();
        _rowsInSheet = 0;
    }

    private async Task EndSheetAsync()
    {
        if (_sheet is null)
        {
            return;
        }

        await _sheet.WriteEndDocumentAsync();
        await _sheet.DisposeAsync();
        await _entry!.DisposeAsync();
        (_sheet, _entry) = (null, null);
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

    private static async Task CellAsync(XmlWriter x, object? value)
    {
        await x.WriteStartElementAsync(null, "c", Main);
        switch (value)
        {
            case null:
                break;
            case decimal or int or long or double or JsonElement { ValueKind: JsonValueKind.Number }:
                await x.WriteElementStringAsync(null, "v", Main, ExportValues.Text(value));
                break;
            default:
                var text = ExportValues.Text(value);
                await x.WriteAttributeStringAsync(null, "t", null, "inlineStr");
                await x.WriteStartElementAsync(null, "is", Main);
                await x.WriteStartElementAsync(null, "t", Main);
                await x.WriteAttributeStringAsync("xml", "space", null, "preserve");
                await x.WriteStringAsync(text.Length > MaxCellLength ? text[..MaxCellLength] : text);
                await x.WriteEndElementAsync();
                await x.WriteEndElementAsync();
                break;
        }

        await x.WriteEndElementAsync();
    }
}
