namespace Crm.Application.AuditLogs.Common;

/// <summary>The filters of the audit log, shared by the list and the export.</summary>
public interface IAuditLogFilter
{
    Guid? ActorId { get; }

    string? EntityType { get; }

    Guid? EntityId { get; }

    string? Action { get; }

    DateTime? From { get; }

    DateTime? To { get; }
}
