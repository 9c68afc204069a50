using Crm.Domain.Common;

namespace Crm.Domain.Auditing;

/// <summary>One change to the organization's data, or one sign-in event: who, what, when, from where.</summary>
public sealed class AuditEntry : Entity, ICreationOrdered
{
    private AuditEntry()
    {
        Action = Changes = string.Empty;
    }

    public Guid? OrganizationId { get; private set; }

    public Guid? ActorId { get; private set; }

    /// <summary>Whether <see cref="ActorId"/> is a person or an API key (whose id is its service user's).</summary>
    public ActorType ActorType { get; private set; }

    /// <summary>The command's name in snake_case (<c>update_deal</c>), or an event (<c>sign_in_failed</c>).</summary>
    public string Action { get; private set; }

    public string? EntityType { get; private set; }

    public Guid? EntityId { get; private set; }

    /// <summary>A JSON array of <c>{field, from, to}</c>.</summary>
    public string Changes { get; private set; }

    public string? ClientAddress { get; private set; }

    public string? UserAgent { get; private set; }

    public string? TraceId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static AuditEntry Record(
        Guid? organizationId,
        Guid? actorId,
        string action,
        string? entityType,
        Guid? entityId,
        string changes,
        string? clientAddress,
        string? userAgent,
        string? traceId,
        DateTime now,
        ActorType actorType = ActorType.User) => new()
        {
            Id = NewId(),
            OrganizationId = organizationId,
            ActorId = actorId,
            ActorType = actorId is null && actorType != ActorType.Operator ? ActorType.User : actorType,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Changes = changes,
            ClientAddress = clientAddress is { Length: > 64 } ? clientAddress[..64] : clientAddress,
            UserAgent = userAgent is { Length: > 512 } ? userAgent[..512] : userAgent,
            TraceId = traceId,
            CreatedAt = now,
        };
}
