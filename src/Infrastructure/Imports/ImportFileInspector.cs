using System.Text;
using System.Xml;
using Crm.Application.Common.Exceptions;
using Crm.Application.Imports.Common;
using Crm.Domain.Errors;

namespace Crm.Infrastructure.Imports;

/// <summary>Reads an uploaded file through once: its format, encoding, header and number of rows.</summary>
internal sealed class ImportFileInspector : IImportFileInspector
{
    public Task<ImportFileSummary> InspectAsync(Stream content, string? fileName, CancellationToken cancellationToken)
    {
        var format = ImportFileRows.Detect(content);
        string[]? header = null;
        long rows = 0;
        try
        {
            foreach (var row in ImportFileRows.Read(content, format))
            {
                if (header is null)
                {
                    header = row;
                    CheckHeader(header);
                    continue;
                }

                if (++rows > ImportLimits.MaxRows)
                {
                    throw new InvalidInputException(
                        ErrorCatalog.ImportTooManyRows, $"The file has more than {ImportLimits.MaxRows:N0} data rows.");
                }

                if (rows % 10_000 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidInputException(
                ErrorCatalog.ImportFileEncoding, $"The file is not UTF-8 text (after {rows:N0} rows); save it as CSV UTF-8 or XLSX.");
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or ArgumentException or NotSupportedException)
        {
            throw new InvalidInputException(ErrorCatalog.ImportFileUnreadable, $"The file could not be read as {format.ToString().ToUpperInvariant()}.");
        }

        if (header is null || rows == 0)
        {
            throw new InvalidInputException(ErrorCatalog.ImportFileEmpty, header is null ? "The file has no header row." : "The file has a header but no data row.");
        }

        return Task.FromResult(new ImportFileSummary(format, header, rows));
    }

    private static void CheckHeader(string[] header)
    {
        if (header.Length > ImportLimits.MaxColumns)
        {
            throw new InvalidInputException(ErrorCatalog.ImportHeaderInvalid, $"The header has {header.Length} columns; an import takes at most {ImportLimits.MaxColumns}.");
        }

        var duplicate = header.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1 && g.Key.Length > 0);
        if (duplicate is not null)
        {
            throw new InvalidInputException(ErrorCatalog.ImportHeaderInvalid, $"The header names the column \"{duplicate.Key}\" more than once.");
        }
    }
}
