namespace Crm.Application.Attachments.Common;

/// <summary>How many bytes of files organizations store: the sum of their attachments' sizes, so deleting frees space.</summary>
public interface IStorageUsage
{
    /// <summary>Bytes stored by each of these organizations, which the caller must belong to (0 for none).</summary>
    Task<IReadOnlyDictionary<Guid, long>> MeasureAsync(IReadOnlyCollection<Guid> organizationIds, CancellationToken cancellationToken);

    /// <summary>
    /// Bytes stored by the organization, counted after taking its storage lock, which the command's transaction holds
    /// until it ends: uploads to one organization are counted one after the other, never both against the same total.
    /// </summary>
    Task<long> LockAndMeasureAsync(Guid organizationId, CancellationToken cancellationToken);
}
