using Ardalis.Specification;
using Crm.Domain.Contacts;

namespace Crm.Application.Contacts.Commands.UpsertContacts;

/// <summary>The organization's contact with this email (case-insensitive) or this external id (exact).</summary>
public sealed class ContactMatchSpecification : Specification<Contact>, ISingleResultSpecification<Contact>
{
    public ContactMatchSpecification(Guid organizationId, ContactMatch match, string key)
    {
        Query.AsNoTracking().Where(c => c.OrganizationId == organizationId);
        if (match == ContactMatch.Email)
        {
            var normalized = Contact.NormalizeEmail(key);
            Query.Where(c => c.NormalizedEmail == normalized);
        }
        else
        {
            Query.Where(c => c.ExternalId == key);
        }
    }
}
