namespace Crm.Application.Exports.Common;

/// <summary>
/// The names of the records an export's rows refer to, looked up a page at a time (one query per kind of record for
/// the ids not seen yet), and remembered within bounds so that memory stays flat however long the export.
/// </summary>
public interface IExportNames
{
    Task LoadAsync(ExportRelated kind, IEnumerable<Guid> ids, CancellationToken cancellationToken);

    string? NameOf(ExportRelated kind, Guid id);
}
