namespace Crm.Infrastructure.Idempotency;

/// <summary>Whose key it is: keys are per caller and organization, so one caller's key never meets another's.</summary>
public sealed record IdempotencyScope(Guid CallerId, Guid OrganizationId, string Key);
