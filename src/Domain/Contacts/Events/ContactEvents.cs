using Crm.Domain.Common;
using Crm.Domain.Deals.Events;

namespace Crm.Domain.Contacts.Events;

public sealed record ContactCreated(Guid OrganizationId, Guid ContactId, Guid ActorId) : IDomainEvent;

/// <summary>Fields of a contact changed, each with its old and new value.</summary>
public sealed record ContactUpdated(Guid OrganizationId, Guid ContactId, Guid ActorId, IReadOnlyList<FieldChange> Changes)
    : IDomainEvent;

/// <summary>A contact is about to be deleted.</summary>
public sealed record ContactDeleted(Guid OrganizationId, Guid ContactId, Guid ActorId) : IDomainEvent;

/// <summary>A contact's personal fields were erased at the person's request; <paramref name="Fields"/> names them, never their values.</summary>
public sealed record ContactErased(Guid OrganizationId, Guid ContactId, Guid ActorId, IReadOnlyList<string> Fields) : IDomainEvent;
