namespace Crm.Infrastructure.RateLimiting;

public sealed class PlanLimits
{
    public BucketLimit PerUser { get; set; } = new(60, 1);

    public BucketLimit PerOrganization { get; set; } = new(300, 5);
}
