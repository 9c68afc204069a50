using Crm.Domain.Common;
using Crm.Domain.Deals.Events;

namespace Crm.Domain.Tasks.Events;

/// <summary>Fields of a task changed (completion included), each with its old and new value.</summary>
public sealed record TaskUpdated(Guid OrganizationId, Guid? DealId, Guid TaskId, Guid ActorId, IReadOnlyList<FieldChange> Changes)
    : IDomainEvent;

/// <summary>A task is about to be deleted by itself (a deal's deletion takes its tasks without this event).</summary>
public sealed record TaskDeleted(Guid OrganizationId, Guid? DealId, Guid TaskId, Guid ActorId) : IDomainEvent;
