using Crm.Application.Attachments.Common;
using Crm.Domain.Organizations;
using Microsoft.Extensions.Options;

namespace Crm.Application.Organizations.Common;

/// <summary>Organizations as their members see them, with the bytes of files each stores and may store.</summary>
public sealed class StorageFigures(IStorageUsage usage, IOptions<FilesOptions> options)
{
    public async Task<OrganizationDto> DescribeAsync(Organization organization, MemberRole role, CancellationToken cancellationToken)
    {
        var used = await usage.MeasureAsync([organization.Id], cancellationToken);
        return OrganizationDto.From(organization, role, used[organization.Id], options.Value.Quotas.For(organization.Plan));
    }

    /// <summary>Fills in the figures of organizations read without them, in one query.</summary>
    public async Task<IReadOnlyList<OrganizationDto>> CompleteAsync(IReadOnlyList<OrganizationDto> organizations, CancellationToken cancellationToken)
    {
        var used = await usage.MeasureAsync(organizations.Select(o => o.Id).ToList(), cancellationToken);
        return organizations
            .Select(o => o with { StorageUsedBytes = used[o.Id], StorageQuotaBytes = options.Value.Quotas.For(o.Plan) })
            .ToList();
    }
}
