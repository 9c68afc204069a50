using Crm.Domain.Auditing;
using Crm.Domain.Common;

namespace Crm.Domain.Imports;

/// <summary>
/// A file of rows to write into an organization's records, run in the background by whichever instance claims it. It
/// is created queued, after its file was checked (encoding, header, mapping, size); the runner moves it through running
/// to succeeded or failed with SQL of its own (a claim with a lease, progress and counts committed with each chunk of
/// rows, so a resumed run starts after the last committed chunk), so this entity only creates it and reads it.
/// </summary>
public sealed class ImportJob : Entity, ITenantOwned, ICreationOrdered
{
    /// <summary>How long after it finished an import can be reverted.</summary>
    public static readonly TimeSpan RevertWindow = TimeSpan.FromDays(7);

    private ImportJob()
    {
        FileName = FileKey = string.Empty;
        Mapping = Headers = "{}";
    }

    public Guid OrganizationId { get; private set; }

    /// <summary>The person or API key that started it; they alone (and owners and admins) see it.</summary>
    public Guid RequestedBy { get; private set; }

    public ActorType RequestedByType { get; private set; }

    public ImportRecordType RecordType { get; private set; }

    public ImportFileFormat Format { get; private set; }

    /// <summary>The name the file was uploaded under.</summary>
    public string FileName { get; private set; }

    /// <summary>Where the uploaded file is kept while the import can run.</summary>
    public string FileKey { get; private set; }

    public long FileSize { get; private set; }

    /// <summary>The file's header, a JSON array of the column names in order.</summary>
    public string Headers { get; private set; }

    /// <summary>A JSON object: column header → field (or <c>cf.&lt;key&gt;</c>).</summary>
    public string Mapping { get; private set; }

    public ImportMode Mode { get; private set; }

    /// <summary>What a row is matched on (upsert), and what two rows of the file must not share.</summary>
    public ImportMatch MatchOn { get; private set; }

    /// <summary>Rows are checked and counted, nothing is written.</summary>
    public bool DryRun { get; private set; }

    /// <summary>A contacts import creates the companies its rows name (by domain or name) that the organization lacks.</summary>
    public bool CreateCompanies { get; private set; }

    /// <summary>The owner of the records a row creates when it names none; the requester when null.</summary>
    public Guid? DefaultOwnerId { get; private set; }

    public ImportStatus Status { get; private set; }

    /// <summary>Rows read and settled so far (committed with their records).</summary>
    public long RowsDone { get; private set; }

    /// <summary>The file's data rows, counted when it was checked.</summary>
    public long RowsTotal { get; private set; }

    public long Created { get; private set; }

    public long Updated { get; private set; }

    public long Unchanged { get; private set; }

    public long Failed { get; private set; }

    /// <summary>Why a failed import failed, as a stable code.</summary>
    public string? ErrorCode { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>Until when the instance running it holds it; a lapsed lease lets another instance resume it.</summary>
    public DateTime? LockedUntil { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? StartedAt { get; private set; }

    public DateTime? FinishedAt { get; private set; }

    public DateTime? RevertedAt { get; private set; }

    public static ImportJob Queue(
        Guid id, Guid organizationId, Guid requestedBy, ActorType requestedByType, ImportRecordType recordType,
        ImportFileFormat format, string fileName, string fileKey, long fileSize, string headers, string mapping,
        ImportMode mode, ImportMatch matchOn, bool dryRun, Guid? defaultOwnerId, long rowsTotal, DateTime now, bool createCompanies = false) => new()
        {
            Id = id,
            OrganizationId = organizationId,
            RequestedBy = requestedBy,
            RequestedByType = requestedByType,
            RecordType = recordType,
            Format = format,
            FileName = fileName,
            FileKey = fileKey,
            FileSize = fileSize,
            Headers = headers,
            Mapping = mapping,
            Mode = mode,
            MatchOn = matchOn,
            DryRun = dryRun,
            CreateCompanies = createCompanies,
            DefaultOwnerId = defaultOwnerId,
            Status = ImportStatus.Queued,
            RowsTotal = rowsTotal,
            CreatedAt = now,
        };

    /// <summary>A fresh id for a job, known before its file is stored under it.</summary>
    public static Guid NextId() => NewId();

    /// <summary>Whether a revert may still undo it at <paramref name="now"/>.</summary>
    public bool IsRevertible(DateTime now) =>
        Status == ImportStatus.Succeeded && !DryRun && FinishedAt is { } finished && now - finished <= RevertWindow;
}
