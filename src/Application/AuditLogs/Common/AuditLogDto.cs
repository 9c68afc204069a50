using Crm.Application.Common.Auditing;
using Crm.Domain.Auditing;

namespace Crm.Application.AuditLogs.Common;

public sealed record AuditLogDto(
    Guid Id,
    Guid? OrganizationId,
    Guid? ActorId,
    ActorType ActorType,
    string Action,
    string? EntityType,
    Guid? EntityId,
    IReadOnlyList<AuditChange> Changes,
    string? ClientAddress,
    string? UserAgent,
    string? TraceId,
    DateTime CreatedAt);
