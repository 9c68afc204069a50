using System.Text.Json;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Models;
using Crm.Domain.Auditing;

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
    DateTime CreatedAt)
{
    public static AuditLogDto From(AuditEntry entry) => new(
        entry.Id,
        entry.OrganizationId,
        entry.ActorId,
        entry.Action,
        entry.EntityType,
        entry.EntityId,
        JsonSerializer.Deserialize<List<AuditChange>>(entry.Changes, TimelineJson.Options) ?? [],
        entry.ClientAddress,
        entry.UserAgent,
        entry.TraceId,
        entry.CreatedAt);
}
