using Crm.Domain.Common;

namespace Crm.Domain.Organizations.Events;

/// <summary>A user joined the organization; <paramref name="ActorId"/> is who let it in (the user itself on accepting an invitation).</summary>
public sealed record MemberAdded(Guid OrganizationId, Guid UserId, Guid ActorId) : IDomainEvent;

/// <summary>A member left or was removed; the membership as it was, since it no longer exists.</summary>
public sealed record MemberRemoved(Guid OrganizationId, Guid UserId, MemberRole Role, DateTime JoinedAt, Guid ActorId) : IDomainEvent;
