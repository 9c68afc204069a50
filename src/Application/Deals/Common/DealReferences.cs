using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Specifications;
using Crm.Domain.Common;
using Crm.Domain.Contacts;
using Crm.Domain.Errors;

namespace Crm.Application.Deals.Common;

public static class DealReferences
{
    /// <summary>Refuses a contact id that is not the organization's, wherever else it may exist.</summary>
    public static async Task EnsureContactAsync(
        this IReadStore store, Guid organizationId, Guid contactId, CancellationToken cancellationToken)
    {
        if (!await store.AnyAsync(
                store.Query(new RecordInOrganizationSpecification<Contact>(contactId, organizationId)),
                cancellationToken))
        {
            throw new BusinessRuleException(ErrorCatalog.ContactReferenceNotFound);
        }
    }
}
