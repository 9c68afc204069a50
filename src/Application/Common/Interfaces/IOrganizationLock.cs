namespace Crm.Application.Common.Interfaces;

/// <summary>
/// Makes writes of one kind in one organization take turns: a limit checked by counting (at most so many exports or
/// imports waiting) holds when requests arrive together, because the second counts only after the first committed.
/// </summary>
public interface IOrganizationLock
{
    /// <summary>Waits for, then holds until the command's transaction ends, the organization's lock of <paramref name="purpose"/>.</summary>
    Task HoldAsync(Guid organizationId, string purpose, CancellationToken cancellationToken);
}
