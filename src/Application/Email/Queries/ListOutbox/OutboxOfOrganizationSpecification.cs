using Ardalis.Specification;
using Crm.Application.Common.Models;
using Crm.Application.Common.Specifications;
using Crm.Domain.Email;

namespace Crm.Application.Email.Queries.ListOutbox;

/// <summary>The organization's outgoing emails, newest first.</summary>
public sealed class OutboxOfOrganizationSpecification : Specification<OutboxMessage>
{
    public OutboxOfOrganizationSpecification(Guid organizationId) =>
        Query.AsNoTracking()
            .Where(m => m.OrganizationId == organizationId)
            .OrderBy(SortOrder.Desc, m => m.CreatedAt, m => m.Id);
}
