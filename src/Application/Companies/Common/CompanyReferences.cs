using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Specifications;
using Crm.Domain.Companies;
using Crm.Domain.Errors;

namespace Crm.Application.Companies.Common;

public static class CompanyReferences
{
    /// <summary>Refuses a company id that is not the organization's, wherever else it may exist (400 <c>company_not_found</c>).</summary>
    public static async Task EnsureCompanyAsync(
        this IReadStore store, Guid organizationId, Guid? companyId, CancellationToken cancellationToken)
    {
        if (companyId is { } id && !await store.AnyAsync(
                store.Query(new RecordInOrganizationSpecification<Company>(id, organizationId)), cancellationToken))
        {
            throw new InvalidInputException(ErrorCatalog.CompanyReferenceNotFound);
        }
    }

    public static CompanyAddress? ToAddress(this CompanyAddressDto? address) =>
        address is null ? null : new CompanyAddress(address.Line1, address.Line2, address.City, address.Region, address.PostalCode, address.Country);
}
