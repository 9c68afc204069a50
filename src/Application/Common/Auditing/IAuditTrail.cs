namespace Crm.Application.Common.Auditing;

/// <summary>One field of an audited change; values as text, secrets never.</summary>
public sealed record AuditChange(string Field, string? From, string? To);

/// <summary>An event to audit that is not simply a change of one record: a sign-in, a refresh, a sign-out.</summary>
public sealed record AuditEvent(
    string Action, string? EntityType, Guid? EntityId, Guid? ActorId, IReadOnlyList<AuditChange> Changes);

/// <summary>
/// The audit trail. Every command is audited automatically (one entry, written with its changes in its
/// transaction); handlers record events that are not a change of a record themselves.
/// </summary>
public interface IAuditTrail
{
    /// <summary>Starts auditing a command: its entry will carry this action.</summary>
    void BeginCommand(string action);

    /// <summary>Records an event in the current command's transaction, instead of the automatic entry.</summary>
    void Record(AuditEvent auditEvent);

    /// <summary>Records an event at once, in a transaction of its own: for failures whose command rolls back.</summary>
    Task RecordNowAsync(AuditEvent auditEvent, CancellationToken cancellationToken);
}
