using Crm.Domain.Organizations;

namespace Crm.Infrastructure.Operations;

/// <summary>One organization as the operator's commands list it.</summary>
public sealed record OrganizationSummary(
    Guid Id, string Name, OrganizationPlan Plan, DateTime? SuspendedAt, int Members, DateTime CreatedAt);
