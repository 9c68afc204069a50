namespace Crm.Application.Imports.Common;

/// <summary>
/// Reads an uploaded file once, before it is accepted: recognises CSV or XLSX, checks the encoding (UTF-8), reads the
/// header and counts the rows, refusing an empty, unreadable or too long file with its problem.
/// </summary>
public interface IImportFileInspector
{
    /// <param name="content">Readable from its start; left wherever reading ended.</param>
    Task<ImportFileSummary> InspectAsync(Stream content, string? fileName, CancellationToken cancellationToken);
}
