using Ardalis.Specification;
using Crm.Domain.Contacts;

namespace Crm.Application.Contacts.Commands.UpsertContacts;

/// <summary>The organization's contacts with any of these emails (case-insensitive) or external ids (exact).</summary>
public sealed class ContactMatchesSpecification : Specification<Contact>
{
    public ContactMatchesSpecification(Guid organizationId, ContactMatch match, IReadOnlyCollection<string> keys)
    {
        Query.AsNoTracking().Where(c => c.OrganizationId == organizationId);
        if (match == ContactMatch.Email)
        {
            Query.Where(c => c.NormalizedEmail != null && keys.Contains(c.NormalizedEmail));
        }
        else
        {
            Query.Where(c => c.ExternalId != null && keys.Contains(c.ExternalId));
        }
    }
}
