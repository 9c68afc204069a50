using Crm.Domain.Common;

namespace Crm.Domain.Deals.Events;

public sealed record DealCreated(Guid OrganizationId, Guid DealId, Guid ActorId, string Title) : IDomainEvent;

public sealed record DealStatusChanged(Guid OrganizationId, Guid DealId, Guid ActorId, DealStatus From, DealStatus To)
    : IDomainEvent;

/// <summary>The deal moved from one stage to another; it had entered <paramref name="From"/> at <paramref name="FromEnteredAt"/>.</summary>
public sealed record DealStageChanged(Guid OrganizationId, Guid DealId, Guid ActorId, DealStage From, DealStage To, DateTime FromEnteredAt)
    : IDomainEvent;

/// <summary>Fields other than status and stage changed, each with its old and new value.</summary>
public sealed record DealUpdated(Guid OrganizationId, Guid DealId, Guid ActorId, IReadOnlyList<FieldChange> Changes)
    : IDomainEvent;

public sealed record FieldChange(string Field, object? From, object? To);

/// <summary>A deal is about to be deleted, with its tasks and timeline.</summary>
public sealed record DealDeleted(Guid OrganizationId, Guid DealId, Guid ActorId) : IDomainEvent;
