using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using Crm.Domain.Imports;

namespace Crm.Infrastructure.Imports;

/// <summary>
/// Reads an import's file as rows of cells, the header first, one row at a time: CSV (RFC 4180, UTF-8 with or without
/// a byte order mark, comma or semicolon separated) or the first sheet of an XLSX workbook (read as XML, its shared
/// strings in memory). Blank lines are skipped. Text that is not UTF-8 throws <see cref="DecoderFallbackException"/>.
/// </summary>
internal static class ImportFileRows
{
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>XLSX when the file is a zip archive, CSV otherwise; the stream is rewound.</summary>
    public static ImportFileFormat Detect(Stream content)
    {
        Span<byte> start = stackalloc byte[4];
        content.Position = 0;
        var read = content.ReadAtLeast(start, 4, throwOnEndOfStream: false);
        content.Position = 0;
        return read == 4 && start.SequenceEqual(ZipSignature) ? ImportFileFormat.Xlsx : ImportFileFormat.Csv;
    }

    public static IEnumerable<string[]> Read(Stream content, ImportFileFormat format) =>
        format == ImportFileFormat.Xlsx ? ReadXlsx(content) : ReadCsv(content);

    private static IEnumerable<string[]> ReadCsv(Stream content)
    {
        using var reader = new StreamReader(
            content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
            detectEncodingFromByteOrderMarks: false, bufferSize: 65_536, leaveOpen: true);
        if (reader.Peek() == '\uFEFF')
        {
            reader.Read();
        }

        char? separator = null;
        var cells = new List<string>();
        var cell = new StringBuilder();
        while (ReadCsvRecord(reader, ref separator, cells, cell))
        {
            if (cells.Any(c => !string.IsNullOrWhiteSpace(c)))
            {
                yield return [.. cells];
            }
        }
    }

    /// <summary>
    /// Reads one RFC 4180 record (quoted cells may hold separators, quotes doubled, and line breaks); the separator is
    /// the first of comma, semicolon or tab met outside quotes on the first line. False at the end of the input.
    /// </summary>
    private static bool ReadCsvRecord(StreamReader reader, ref char? separator, List<string> cells, StringBuilder cell)
    {
        cells.Clear();
        cell.Clear();
        if (reader.Peek() < 0)
        {
            return false;
        }

        var quoted = false;
        while (true)
        {
            var next = reader.Read();
            if (next < 0)
            {
                cells.Add(cell.ToString());
                return true;
            }

            var c = (char)next;
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        cell.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    cell.Append(c);
                }

                continue;
            }

            if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == separator || (separator is null && c is ',' or ';' or '\t'))
            {
                separator ??= c;
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                cells.Add(cell.ToString());
                return true;
            }
            else
            {
                cell.Append(c);
            }
        }
    }

    private static IEnumerable<string[]> ReadXlsx(Stream content)
    {
        using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
        var shared = SharedStrings(zip);
        var sheet = zip.GetEntry("xl/worksheets/sheet1.xml")
                    ?? zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
                        .OrderBy(e => e.FullName, StringComparer.Ordinal).FirstOrDefault()
                    ?? throw new InvalidDataException("The workbook has no worksheet.");
        using var stream = sheet.Open();
        using var xml = XmlReader.Create(stream, new XmlReaderSettings { IgnoreWhitespace = true, DtdProcessing = DtdProcessing.Prohibit });
        var cells = new List<string>();
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "row")
            {
                continue;
            }

            cells.Clear();
            if (!xml.IsEmptyElement)
            {
                ReadRow(xml, shared, cells);
            }

            if (cells.Any(c => !string.IsNullOrWhiteSpace(c)))
            {
                yield return [.. cells];
            }
        }
    }

    private static void ReadRow(XmlReader xml, List<string> shared, List<string> cells)
    {
        var depth = xml.Depth;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "c")
            {
                continue;
            }

            var column = Column(xml.GetAttribute("r")) ?? cells.Count;
            var type = xml.GetAttribute("t");
            var value = xml.IsEmptyElement ? string.Empty : CellText(xml);
            if (type == "s" && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                value = index < shared.Count ? shared[index] : string.Empty;
            }
            else if (type == "b")
            {
                value = value == "1" ? "true" : "false";
            }

            while (cells.Count < column)
            {
                cells.Add(string.Empty);
            }

            cells.Add(value);
        }
    }

    /// <summary>The text of a cell: its value (<c>v</c>) or its inline string's runs (<c>is/t</c>).</summary>
    private static string CellText(XmlReader xml)
    {
        var depth = xml.Depth;
        var text = new StringBuilder();
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName is "v" or "t" && !xml.IsEmptyElement)
            {
                text.Append(xml.ReadElementContentAsString());
                if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth)
                {
                    break;
                }
            }
        }

        return text.ToString();
    }

    private static List<string> SharedStrings(ZipArchive zip)
    {
        var strings = new List<string>();
        if (zip.GetEntry("xl/sharedStrings.xml") is not { } entry)
        {
            return strings;
        }

        using var stream = entry.Open();
        using var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
            {
                strings.Add(xml.IsEmptyElement ? string.Empty : CellText(xml));
            }
        }

        return strings;
    }

    /// <summary>The zero-based column of a cell reference such as <c>AB12</c>.</summary>
    private static int? Column(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var column = 0;
        foreach (var letter in reference.TakeWhile(char.IsAsciiLetterUpper))
        {
            column = (column * 26) + (letter - 'A' + 1);
        }

        return column == 0 ? null : column - 1;
    }
}
