using Ardalis.Specification;
using Crm.Domain.Contacts;

namespace Crm.Application.Companies.Common;

/// <summary>The contacts that work for one company of the organization.</summary>
public sealed class ContactsOfCompanySpecification : Specification<Contact>
{
    public ContactsOfCompanySpecification(Guid organizationId, Guid companyId, bool tracked = false)
    {
        Query.Where(c => c.OrganizationId == organizationId && c.CompanyId == companyId);
        if (!tracked)
        {
            Query.AsNoTracking();
        }
    }
}
