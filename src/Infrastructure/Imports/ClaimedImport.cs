using Crm.Domain.Auditing;
using Crm.Domain.Imports;

namespace Crm.Infrastructure.Imports;

/// <summary>An import a runner has claimed, with what it needs to run (or resume) it.</summary>
internal sealed record ClaimedImport(
    Guid Id, Guid OrganizationId, Guid RequestedBy, ActorType RequestedByType, ImportRecordType RecordType,
    ImportFileFormat Format, string FileKey, string FileName, IReadOnlyList<string> Headers,
    IReadOnlyDictionary<string, string> Mapping, ImportMode Mode, ImportMatch MatchOn, bool DryRun, Guid? DefaultOwnerId,
    long RowsDone, long RowsTotal, int Attempts, bool CreateCompanies = false);
