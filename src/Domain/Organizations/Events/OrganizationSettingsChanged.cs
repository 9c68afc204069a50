using Crm.Domain.Common;

namespace Crm.Domain.Organizations.Events;

/// <summary>An administrator changed the organization's settings (name, currency, time zone, stage probabilities).</summary>
public sealed record OrganizationSettingsChanged(Guid OrganizationId, Guid ActorId) : IDomainEvent;
