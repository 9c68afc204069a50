using Crm.Domain.Auditing;
using Crm.Domain.Exports;

namespace Crm.Infrastructure.Exports;

/// <summary>An export a runner has claimed, with what it needs to run it.</summary>
internal sealed record ClaimedExport(
    Guid Id, Guid OrganizationId, Guid RequestedBy, ActorType RequestedByType, ExportRecordType RecordType, ExportFormat Format,
    string Query, int Attempts, DateTime CreatedAt);
