using Ardalis.Specification;
using Crm.Domain.Email;

namespace Crm.Application.Email.Commands.RetryOutboxMessage;

/// <summary>One outgoing email of the organization; another organization's is not found.</summary>
public sealed class OutboxMessageOfOrganizationSpecification : Specification<OutboxMessage>, ISingleResultSpecification<OutboxMessage>
{
    public OutboxMessageOfOrganizationSpecification(Guid organizationId, Guid id) =>
        Query.Where(m => m.Id == id && m.OrganizationId == organizationId);
}
