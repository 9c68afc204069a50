using System.Linq.Expressions;
using Ardalis.Specification;
using Crm.Application.Common.Specifications;
using Crm.Application.CustomFields.Common;
using Crm.Domain.Companies;
using Crm.Domain.Records;

namespace Crm.Application.Companies.Queries.ListCompanies;

/// <summary>The organization's companies, filtered and in a stable order (ties broken by id).</summary>
public sealed class CompanyListSpecification : Specification<Company>
{
    /// <param name="domains">Normalised domains, any of which matches.</param>
    /// <param name="matching">The company search's criterion, if any.</param>
    public CompanyListSpecification(
        Guid organizationId,
        ListCompaniesQuery query,
        IReadOnlyList<string> domains,
        Expression<Func<Company, bool>>? matching,
        CustomFieldCriteria<Company>? customFields = null)
    {
        Query.AsNoTracking().Where(c => c.OrganizationId == organizationId);
        if (query.OwnerId is { } owner)
        {
            Query.Where(c => c.OwnerId == owner);
        }

        if (domains.Count > 0)
        {
            Query.Where(c => c.Domain != null && domains.Contains(c.Domain));
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

        if ((customFields ?? CustomFieldCriteria<Company>.None).ApplyTo(Query, query.Order))
        {
            return;
        }

        if (query.OrderBy == CompanyOrder.Name)
        {
            Query.OrderBy(query.Order, c => c.Name.ToLower(), c => c.Id);
        }
        else
        {
            Query.OrderBy(query.Order, c => c.CreatedAt, c => c.Id);
        }
    }
}
