using Crm.Domain.Imports;

namespace Crm.Application.Imports.Common;

/// <summary>Writes an import's failed rows as CSV: <c>row</c>, <c>code</c>, <c>detail</c>, then the file's own columns.</summary>
public interface IImportErrorsFile
{
    Task WriteAsync(ImportJob job, Stream output, CancellationToken cancellationToken);
}
