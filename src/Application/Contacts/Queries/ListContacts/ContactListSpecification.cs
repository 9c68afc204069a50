using System.Linq.Expressions;
using Ardalis.Specification;
using Crm.Application.Common.Specifications;
using Crm.Application.CustomFields.Common;
using Crm.Domain.Contacts;
using Crm.Domain.Records;

namespace Crm.Application.Contacts.Queries.ListContacts;

/// <summary>The organization's contacts, filtered and in a stable order (ties broken by id).</summary>
public sealed class ContactListSpecification : Specification<Contact>
{
    /// <param name="matching">The contact search's criterion, if any.</param>
    public ContactListSpecification(
        Guid organizationId, ListContactsQuery query, Expression<Func<Contact, bool>>? matching, CustomFieldCriteria<Contact>? customFields = null)
    {
        Query.AsNoTracking().Where(c => c.OrganizationId == organizationId);
        if (query.OwnerId is { } owner)
        {
            Query.Where(c => c.OwnerId == owner);
        }

        if (query.ExternalId is { Count: > 0 } externalIds)
        {
            var any = externalIds.Distinct().ToList();
            Query.Where(c => c.ExternalId != null && any.Contains(c.ExternalId));
        }

        if (query.CompanyId is { } company)
        {
            Query.Where(c => c.CompanyId == company);
        }

        if (RecordTags.FilterKeys(query.Tag) is { Length: > 0 } tags)
        {
            // Any of them: tag_keys && array[...], served by the GIN index on tag_keys.
            Query.Where(r => r.TagKeys.Any(k => tags.Contains(k)));
        }

        if (query.UpdatedSince is { } since)
        {
            Query.Where(c => c.UpdatedAt >= since);
        }

        if (matching is not null)
        {
            Query.Where(matching);
        }

        if ((customFields ?? CustomFieldCriteria<Contact>.None).ApplyTo(Query, query.Order))
        {
            return;
        }

        if (query.OrderBy == ContactOrder.Name)
        {
            Query.OrderBy(query.Order, c => c.Name.ToLower(), c => c.Id);
        }
        else
        {
            Query.OrderBy(query.Order, c => c.CreatedAt, c => c.Id);
        }
    }
}
