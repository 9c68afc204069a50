using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Domain.Contacts;
using Crm.Domain.Deals;
using Crm.Domain.Errors;
using Crm.Domain.Records;
using FluentValidation;

namespace Crm.Application.Common.ExternalIds;

/// <summary>
/// An <c>external_id</c> is 1 to 255 characters, not blank, stored and compared exactly as sent (case and spaces
/// matter: it is another system's key); null clears it. Control characters are refused for every text already.
/// </summary>
public static class ExternalIdRules
{
    public static IRuleBuilderOptions<T, string?> ExternalId<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(ExternalIdLimits.MaxLength)
            .Must(v => v is null || !string.IsNullOrWhiteSpace(v)).WithMessage("must not be blank (send null to clear it)");

    /// <summary>Refuses an external id that another contact of the organization has (409 <c>external_id_taken</c>).</summary>
    public static async Task EnsureContactExternalIdFreeAsync(
        this IReadStore store, Guid organizationId, string? externalId, Guid? exceptContactId, CancellationToken ct)
    {
        if (externalId is not null && await store.AnyAsync(
                store.Query<Contact>().Where(c =>
                    c.OrganizationId == organizationId && c.ExternalId == externalId && c.Id != exceptContactId),
                ct))
        {
            throw new ConflictException(ErrorCatalog.ExternalIdTaken);
        }
    }

    /// <summary>Refuses an external id that another deal of the organization has (409 <c>external_id_taken</c>).</summary>
    public static async Task EnsureDealExternalIdFreeAsync(
        this IReadStore store, Guid organizationId, string? externalId, Guid? exceptDealId, CancellationToken ct)
    {
        if (externalId is not null && await store.AnyAsync(
                store.Query<Deal>().Where(d =>
                    d.OrganizationId == organizationId && d.ExternalId == externalId && d.Id != exceptDealId),
                ct))
        {
            throw new ConflictException(ErrorCatalog.ExternalIdTaken);
        }
    }
}
