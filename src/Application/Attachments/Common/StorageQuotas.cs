using System.ComponentModel.DataAnnotations;
using Crm.Domain.Organizations;

namespace Crm.Application.Attachments.Common;

/// <summary>How many bytes of files an organization may store, by plan (<c>Files:Quotas:&lt;Plan&gt;</c>).</summary>
public sealed class StorageQuotas
{
    private const long GiB = 1L << 30;

    [Range(typeof(long), "0", "9223372036854775807")]
    public long Free { get; set; } = GiB;

    [Range(typeof(long), "0", "9223372036854775807")]
    public long Pro { get; set; } = 50 * GiB;

    [Range(typeof(long), "0", "9223372036854775807")]
    public long Enterprise { get; set; } = 1024 * GiB;

    public long For(OrganizationPlan plan) => plan switch
    {
        OrganizationPlan.Pro => Pro,
        OrganizationPlan.Enterprise => Enterprise,
        _ => Free,
    };
}
