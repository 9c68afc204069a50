using Crm.Domain.Exports;

namespace Crm.Infrastructure.Exports;

/// <summary>Writes an export straight to a stream, for the command line: no job, no storage, no email.</summary>
public interface IOrganizationExporter
{
    /// <summary>
    /// Writes the records <paramref name="listQuery"/> selects in the organization, as its first owner sees them (so
    /// all of them), after checking the query as the list endpoint does; answers the rows written.
    /// </summary>
    Task<long> ExportAsync(
        Guid organizationId,
        ExportRecordType recordType,
        ExportFormat format,
        object listQuery,
        Stream output,
        IProgress<ExportProgress>? progress,
        CancellationToken cancellationToken);
}
