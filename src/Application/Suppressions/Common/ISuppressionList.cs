using Crm.Domain.Suppressions;

namespace Crm.Application.Suppressions.Common;

/// <summary>
/// The organization's suppression list: addresses of erased contacts, kept only as keyed hashes, that writes of
/// contacts (single, batch, import) refuse to bring back.
/// </summary>
public interface ISuppressionList
{
    /// <summary>
    /// The list's hash of an address in an organization: HMAC-SHA-256, keyed by the service's secret, of the
    /// organization's id and the address trimmed and lower-cased, as 64 lower-case hex characters.
    /// </summary>
    string Hash(Guid organizationId, string email);

    /// <summary>
    /// Which of <paramref name="emails"/> are suppressed in the organization, in one query: the set holds them trimmed
    /// and lower-cased, so a caller compares <c>email.Trim().ToLowerInvariant()</c>. Blank entries are ignored.
    /// </summary>
    Task<IReadOnlySet<string>> SuppressedAsync(Guid organizationId, IEnumerable<string> emails, CancellationToken cancellationToken);

    /// <summary>
    /// Puts an address on the organization's list in the current transaction; an address already there stays as it was
    /// (erasing a second contact with the same address never fails on the list).
    /// </summary>
    Task AddAsync(Guid organizationId, string email, SuppressionReason reason, Guid createdBy, CancellationToken cancellationToken);
}
