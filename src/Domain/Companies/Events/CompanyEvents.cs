using Crm.Domain.Common;
using Crm.Domain.Deals.Events;

namespace Crm.Domain.Companies.Events;

public sealed record CompanyCreated(Guid OrganizationId, Guid CompanyId, Guid ActorId) : IDomainEvent;

/// <summary>Fields of a company changed, each with its old and new value.</summary>
public sealed record CompanyUpdated(Guid OrganizationId, Guid CompanyId, Guid ActorId, IReadOnlyList<FieldChange> Changes)
    : IDomainEvent;

/// <summary>A company is about to be deleted.</summary>
public sealed record CompanyDeleted(Guid OrganizationId, Guid CompanyId, Guid ActorId) : IDomainEvent;
