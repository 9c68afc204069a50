using Crm.Domain.Organizations;

namespace Crm.Infrastructure.Identity;

/// <summary>
/// A request authenticated by an API key (set as a request feature by <see cref="ApiKeyAuthenticationHandler"/>):
/// the key, its one organization, its role, whether it is read-only, and the organization's plan.
/// </summary>
public sealed record ApiKeyCaller(Guid ApiKeyId, Guid OrganizationId, MemberRole Role, bool ReadOnly, OrganizationPlan Plan, bool OrganizationSuspended = false);
