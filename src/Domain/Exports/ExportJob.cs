using Crm.Domain.Auditing;
using Crm.Domain.Common;

namespace Crm.Domain.Exports;

/// <summary>
/// A request to write an organization's records to a file, run in the background by whichever instance claims it. It
/// is created queued; the runner moves it through running to succeeded or failed with SQL of its own (a claim with a
/// lease, progress, the outcome), so this entity only creates it and reads it.
/// </summary>
public sealed class ExportJob : Entity, ITenantOwned, ICreationOrdered
{
    /// <summary>How long a finished export's file can be downloaded.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private ExportJob()
    {
        Filters = "{}";
        Query = "{}";
    }

    public Guid OrganizationId { get; private set; }

    /// <summary>The person or API key that asked for it; they alone (and owners and admins) see it.</summary>
    public Guid RequestedBy { get; private set; }

    public ActorType RequestedByType { get; private set; }

    public ExportRecordType RecordType { get; private set; }

    public ExportFormat Format { get; private set; }

    /// <summary>The list endpoint's query parameters the rows are filtered by, as a JSON object.</summary>
    public string Filters { get; private set; }

    /// <summary>The list query those filters make, as JSON: what the runner reads the rows with.</summary>
    public string Query { get; private set; }

    public ExportStatus Status { get; private set; }

    public long RowsDone { get; private set; }

    /// <summary>Counted when the run starts.</summary>
    public long? RowsTotal { get; private set; }

    /// <summary>Where the finished file is kept, until <see cref="ExpiresAt"/>.</summary>
    public string? FileKey { get; private set; }

    public long? FileSize { get; private set; }

    /// <summary>Why a failed export failed, as a stable code.</summary>
    public string? ErrorCode { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>Until when the instance running it holds it; a lapsed lease lets another instance start it again.</summary>
    public DateTime? LockedUntil { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? StartedAt { get; private set; }

    public DateTime? FinishedAt { get; private set; }

    public DateTime? ExpiresAt { get; private set; }

    public static ExportJob Queue(
        Guid organizationId, Guid requestedBy, ActorType requestedByType, ExportRecordType recordType, ExportFormat format,
        string filters, string query, DateTime now) => new()
        {
            Id = NewId(),
            OrganizationId = organizationId,
            RequestedBy = requestedBy,
            RequestedByType = requestedByType,
            RecordType = recordType,
            Format = format,
            Filters = filters,
            Query = query,
            Status = ExportStatus.Queued,
            CreatedAt = now,
        };

    /// <summary>Whether its file can be downloaded at <paramref name="now"/>.</summary>
    public bool IsDownloadable(DateTime now) => Status == ExportStatus.Succeeded && FileKey is not null && ExpiresAt > now;

    /// <summary>The file name a download is offered under, e.g. <c>deals-20261207-1412.csv</c>.</summary>
    public string FileName => $"{RecordType.ToString().ToLowerInvariant()}-{CreatedAt:yyyyMMdd-HHmmss}.{Extension(Format)}";

    public static string Extension(ExportFormat format) => format.ToString().ToLowerInvariant();

    public static string ContentType(ExportFormat format) => format switch
    {
        ExportFormat.Csv => "text/csv; charset=utf-8",
        ExportFormat.Json => "application/json; charset=utf-8",
        _ => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };
}
