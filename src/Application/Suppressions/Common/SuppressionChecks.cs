using Crm.Application.Common.Exceptions;
using Crm.Domain.Errors;

namespace Crm.Application.Suppressions.Common;

public static class SuppressionChecks
{
    /// <summary>Refuses an address on the organization's suppression list (409 <c>suppressed</c>); a blank one passes.</summary>
    public static async Task EnsureNotSuppressedAsync(
        this ISuppressionList suppressions, Guid organizationId, string? email, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(email) && (await suppressions.SuppressedAsync(organizationId, [email], ct)).Count > 0)
        {
            throw new ConflictException(ErrorCatalog.Suppressed);
        }
    }

    /// <summary>The form of an address the list hashes and <see cref="ISuppressionList.SuppressedAsync"/> answers with.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
