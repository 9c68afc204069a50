using Ardalis.Specification;
using Crm.Domain.Activities;

namespace Crm.Application.Activities.Common;

/// <summary>The entries linked to a contact or a company, tracked, to unlink or remove them as it is deleted.</summary>
public sealed class EntriesOfRecordSpecification : Specification<Activity>
{
    public EntriesOfRecordSpecification(Guid organizationId, Guid recordId) =>
        Query.Where(a => a.OrganizationId == organizationId && (a.ContactId == recordId || a.CompanyId == recordId));
}
