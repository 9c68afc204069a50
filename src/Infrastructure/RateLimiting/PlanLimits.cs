namespace Crm.Infrastructure.RateLimiting;

public sealed class PlanLimits
{
    public BucketLimit PerUser { get; set; } = new(60, 1);

    public BucketLimit PerOrganization { get; set; } = new(300, 5);

    /// <summary>Each API key's own bucket, in place of a user's; its requests count in the organization's bucket too.</summary>
    public BucketLimit PerApiKey { get; set; } = new(60, 1);
}
