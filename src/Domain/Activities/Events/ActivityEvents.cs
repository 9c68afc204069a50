using Crm.Domain.Common;

namespace Crm.Domain.Activities.Events;

/// <summary>A person (or an API key) logged a note, call, meeting or email.</summary>
public sealed record ActivityLogged(Guid OrganizationId, Guid ActivityId, Guid ActorId) : IDomainEvent;

/// <summary>A logged activity was edited.</summary>
public sealed record ActivityEdited(Guid OrganizationId, Guid ActivityId, Guid ActorId) : IDomainEvent;

/// <summary>A logged activity or a comment is about to be deleted.</summary>
public sealed record ActivityDeleted(Guid OrganizationId, Guid ActivityId, Guid ActorId) : IDomainEvent;
