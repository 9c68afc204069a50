using Ardalis.Specification;
using Crm.Domain.Deals;

namespace Crm.Application.Companies.Common;

/// <summary>The deals made with one company of the organization.</summary>
public sealed class DealsOfCompanySpecification : Specification<Deal>
{
    public DealsOfCompanySpecification(Guid organizationId, Guid companyId, bool tracked = false)
    {
        Query.Where(d => d.OrganizationId == organizationId && d.CompanyId == companyId);
        if (!tracked)
        {
            Query.AsNoTracking();
        }
    }
}
