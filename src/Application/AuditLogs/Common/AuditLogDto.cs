using Crm.Application.Common.Auditing;

namespace Crm.Application.AuditLogs.Common;

public sealed record AuditLogDto(
    Guid Id,
    Guid? OrganizationId,
    Guid? ActorId,
    string Action,
    string? EntityType,
    Guid? EntityId,
    IReadOnlyList<AuditChange> Changes,
    string? ClientAddress,
    string? UserAgent,
    string? TraceId,
    DateTime CreatedAt);
