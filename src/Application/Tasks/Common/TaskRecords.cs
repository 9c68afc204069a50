using Crm.Application.Common.Interfaces;
using Crm.Domain.Companies;
using Crm.Domain.Contacts;
using Crm.Domain.Deals;

namespace Crm.Application.Tasks.Common;

/// <summary>The repositories of the records a task may be on: a deal, a contact or a company.</summary>
public sealed record TaskRecords(IRepository<Deal> Deals, IRepository<Contact> Contacts, IRepository<Company> Companies)
{
    /// <summary>The record a new task names (exactly one, checked by the validator); one of another organization is a bad request.</summary>
    public async Task<Domain.Records.OwnedRecord> ReferencedAsync(
        Guid organizationId, Guid? dealId, Guid? contactId, Guid? companyId, CancellationToken cancellationToken) =>
        (dealId, companyId) switch
        {
            ({ } deal, _) => await Deals.GetReferencedDealAsync(organizationId, deal, cancellationToken),
            (_, { } company) => await Companies.GetReferencedCompanyAsync(organizationId, company, cancellationToken),
            _ => await Contacts.GetReferencedContactAsync(organizationId, contactId ?? Guid.Empty, cancellationToken),
        };
}
