using System.Diagnostics;
using System.Text.Json;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Models;
using Crm.Application.Common.Security;
using Crm.Domain.Auditing;
using Crm.Domain.Common;
using Npgsql;
using NpgsqlTypes;

namespace Crm.Infrastructure.Auditing;

/// <summary>The audit trail of one request: the command being audited and the events its handler recorded.</summary>
internal sealed class AuditTrail(NpgsqlDataSource dataSource, IRequestContext context, TimeProvider time) : IAuditTrail
{
    private readonly List<AuditEvent> _events = [];

    public string? CommandAction { get; private set; }

    public IReadOnlyList<AuditEvent> Events => _events;

    public void BeginCommand(string action)
    {
        CommandAction = action;
        _events.Clear();
    }

    public void Record(AuditEvent auditEvent)
    {
        // A retried transaction runs its handler again: record each event once.
        if (!_events.Any(e => e.Action == auditEvent.Action && e.EntityId == auditEvent.EntityId))
        {
            _events.Add(auditEvent);
        }
    }

    public async Task RecordNowAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        var entry = ToEntry(auditEvent.Action, auditEvent.EntityType, auditEvent.EntityId, auditEvent.ActorId, null, auditEvent.Changes);
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO audit_logs (id, organization_id, actor_id, actor_type, action, entity_type, entity_id, changes, client_address, user_agent, trace_id, created_at)
            VALUES ($1, $2, $3, $12, $4, $5, $6, $7, $8, $9, $10, $11)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = entry.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)entry.OrganizationId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)entry.ActorId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = entry.Action });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)entry.EntityType ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)entry.EntityId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = entry.Changes, NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)entry.ClientAddress ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)entry.UserAgent ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)entry.TraceId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar });
        command.Parameters.Add(new NpgsqlParameter { Value = entry.CreatedAt, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonNamingPolicy.SnakeCaseLower.ConvertName(entry.ActorType.ToString()) });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>An entry of the current request: its organization, caller, client and trace unless given.</summary>
    public AuditEntry ToEntry(
        string action, string? entityType, Guid? entityId, Guid? actorId, Guid? organizationId, IReadOnlyList<AuditChange> changes) =>
        AuditEntry.Record(
            context.OrganizationId ?? organizationId,
            actorId ?? context.UserId,
            action,
            entityType,
            entityId,
            JsonSerializer.Serialize(changes, TimelineJson.Options),
            context.ClientAddress,
            context.UserAgent,
            Activity.Current?.TraceId.ToString(),
            time.UtcNow(),
            context.ActorTypeOf(actorId ?? context.UserId));
}
