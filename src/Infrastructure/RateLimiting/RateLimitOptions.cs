using Crm.Application.Common.RateLimiting;
using Crm.Domain.Organizations;

namespace Crm.Infrastructure.RateLimiting;

/// <summary>
/// Settings of the <c>RateLimits</c> section: token buckets per user and per organization, by plan, and per client
/// address for the endpoints open without signing in.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public bool Enabled { get; set; } = true;

    public Dictionary<OrganizationPlan, PlanLimits> Plans { get; set; } = new()
    {
        [OrganizationPlan.Free] = new PlanLimits { PerUser = new(60, 1), PerOrganization = new(300, 5), PerApiKey = new(60, 1) },
        [OrganizationPlan.Pro] = new PlanLimits { PerUser = new(300, 5), PerOrganization = new(1_500, 25), PerApiKey = new(300, 5) },
        [OrganizationPlan.Enterprise] = new PlanLimits { PerUser = new(1_200, 20), PerOrganization = new(6_000, 100), PerApiKey = new(1_200, 20) },
    };

    /// <summary>Each client address's bucket for the endpoints open without signing in: 20 at once, then 20 a minute.</summary>
    public BucketLimit PerClientAddress { get; set; } = new(20, 1) { Period = TimeSpan.FromSeconds(3) };

    /// <summary>Registrations attempted for one email address, whatever the client address: 5 an hour.</summary>
    public WindowLimit RegisterPerEmail { get; set; } = new(5, TimeSpan.FromHours(1));

    /// <summary>Reset requests for one email address (answered 429 beyond it; at most 3 emails an hour go out anyway): 5 an hour.</summary>
    public WindowLimit ForgotPasswordPerEmail { get; set; } = new(5, TimeSpan.FromHours(1));

    /// <summary>Verification emails one signed-in user may ask for: 3 an hour.</summary>
    public WindowLimit ResendVerificationPerUser { get; set; } = new(3, TimeSpan.FromHours(1));

    public WindowLimit For(KeyedLimit limit) => limit switch
    {
        KeyedLimit.RegisterPerEmail => RegisterPerEmail,
        KeyedLimit.ForgotPasswordPerEmail => ForgotPasswordPerEmail,
        KeyedLimit.ResendVerificationPerUser => ResendVerificationPerUser,
        _ => throw new ArgumentOutOfRangeException(nameof(limit), limit, null),
    };

    public PlanLimits For(OrganizationPlan? plan) =>
        Plans.TryGetValue(plan ?? OrganizationPlan.Free, out var limits) ? limits : Plans[OrganizationPlan.Free];
}
