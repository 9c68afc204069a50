using Crm.Domain.Organizations;

namespace Crm.Application.Attachments.Common;

/// <summary>How many bytes of files an organization may store, by plan (<c>Files:Quotas:&lt;Plan&gt;</c>).</summary>
public sealed class StorageQuotas
{
    private const long GiB = 1L << 30;

    public long Free { get; set; } = GiB;

    public long Pro { get; set; } = 50 * GiB;

    public long Enterprise { get; set; } = 1024 * GiB;

    public long For(OrganizationPlan plan) => plan switch
    {
        OrganizationPlan.Pro => Pro,
        OrganizationPlan.Enterprise => Enterprise,
        _ => Free,
    };
}
