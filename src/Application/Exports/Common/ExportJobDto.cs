using Crm.Domain.Exports;

namespace Crm.Application.Exports.Common;

/// <summary>An export job as its requester sees it; <see cref="DownloadUrl"/> is set while the file can be downloaded.</summary>
public sealed record ExportJobDto(
    Guid Id,
    ExportRecordType RecordType,
    ExportFormat Format,
    IReadOnlyDictionary<string, object?> Filters,
    ExportStatus Status,
    ExportProgressDto Progress,
    Guid RequestedBy,
    DateTime CreatedAt,
    DateTime? StartedAt,
    DateTime? FinishedAt,
    string? DownloadUrl,
    DateTime? ExpiresAt,
    long? FileSize,
    string? ErrorCode)
{
    public static ExportJobDto From(ExportJob job, DateTime now) => new(
        job.Id,
        job.RecordType,
        job.Format,
        ExportFilters.Read(job.Filters),
        job.Status,
        new ExportProgressDto(job.RowsDone, job.RowsTotal),
        job.RequestedBy,
        job.CreatedAt,
        job.StartedAt,
        job.FinishedAt,
        job.IsDownloadable(now) ? $"/api/v1/exports/{job.Id}/download" : null,
        job.ExpiresAt,
        job.FileSize,
        job.ErrorCode);
}
