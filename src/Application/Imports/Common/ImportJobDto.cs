using System.Text.Json;
using Crm.Domain.Imports;

namespace Crm.Application.Imports.Common;

/// <summary>An import as its requester sees it; <see cref="ErrorsUrl"/> is set once rows have failed.</summary>
public sealed record ImportJobDto(
    Guid Id,
    ImportRecordType RecordType,
    ImportStatus Status,
    ImportProgressDto Progress,
    ImportCountsDto Counts,
    string FileName,
    ImportFileFormat Format,
    IReadOnlyDictionary<string, string> Mapping,
    ImportMode Mode,
    ImportMatch MatchOn,
    bool DryRun,
    bool CreateCompanies,
    Guid? OwnerId,
    Guid RequestedBy,
    DateTime CreatedAt,
    DateTime? StartedAt,
    DateTime? FinishedAt,
    DateTime? RevertedAt,
    DateTime? RevertibleUntil,
    string? ErrorsUrl,
    string? ErrorCode)
{
    public static ImportJobDto From(ImportJob job, DateTime now) => new(
        job.Id,
        job.RecordType,
        job.Status,
        new ImportProgressDto(job.RowsDone, job.RowsTotal),
        new ImportCountsDto(job.Created, job.Updated, job.Unchanged, job.Failed),
        job.FileName,
        job.Format,
        JsonSerializer.Deserialize<Dictionary<string, string>>(job.Mapping) ?? [],
        job.Mode,
        job.MatchOn,
        job.DryRun,
        job.CreateCompanies,
        job.DefaultOwnerId,
        job.RequestedBy,
        job.CreatedAt,
        job.StartedAt,
        job.FinishedAt,
        job.RevertedAt,
        job.IsRevertible(now) ? job.FinishedAt + ImportJob.RevertWindow : null,
        job.Failed > 0 ? $"/api/v1/imports/{job.Id}/errors" : null,
        job.ErrorCode);
}
