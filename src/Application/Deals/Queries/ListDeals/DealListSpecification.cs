using Ardalis.Specification;
using Crm.Application.Common.Specifications;
using Crm.Application.CustomFields.Common;
using Crm.Domain.Deals;
using Crm.Domain.Records;

namespace Crm.Application.Deals.Queries.ListDeals;

/// <summary>The organization's deals, filtered ("any of" for several statuses) and in a stable order.</summary>
public sealed class DealListSpecification : Specification<Deal>
{
    public DealListSpecification(Guid organizationId, ListDealsQuery query, CustomFieldCriteria<Deal>? customFields = null)
    {
        Query.AsNoTracking().Where(d => d.OrganizationId == organizationId);
        if (query.Status is { Count: > 0 } statuses)
        {
            var any = statuses.Distinct().ToList();
            Query.Where(d => any.Contains(d.Status));
        }

        if (query.Stage is { } stage)
        {
            Query.Where(d => d.Stage == stage);
        }

        if (query.MinAmount is { } min)
        {
            Query.Where(d => d.Amount >= min);
        }

        if (query.MaxAmount is { } max)
        {
            Query.Where(d => d.Amount <= max);
        }

        if (query.ContactId is { } contact)
        {
            Query.Where(d => d.ContactId == contact);
        }

        if (query.CompanyId is { } company)
        {
            Query.Where(d => d.CompanyId == company);
        }

        if (query.OwnerId is { } owner)
        {
            Query.Where(d => d.OwnerId == owner);
        }

        if (query.ExternalId is { Count: > 0 } externalIds)
        {
            var any = externalIds.Distinct().ToList();
            Query.Where(d => d.ExternalId != null && any.Contains(d.ExternalId));
        }

        if (RecordTags.FilterKeys(query.Tag) is { Length: > 0 } tags)
        {
            // Any of them: tag_keys && array[...], served by the GIN index on tag_keys.
            Query.Where(r => r.TagKeys.Any(k => tags.Contains(k)));
        }

        if (query.ExpectedCloseBefore is { } before)
        {
            Query.Where(d => d.ExpectedCloseDate < before);
        }

        if (query.ExpectedCloseAfter is { } after)
        {
            Query.Where(d => d.ExpectedCloseDate > after);
        }

        if (query.UpdatedSince is { } since)
        {
            Query.Where(d => d.UpdatedAt >= since);
        }

        if ((customFields ?? CustomFieldCriteria<Deal>.None).ApplyTo(Query, query.Order))
        {
            return;
        }

        _ = query.OrderBy switch
        {
            DealOrder.UpdatedAt => Query.OrderBy(query.Order, d => d.UpdatedAt, d => d.Id),
            DealOrder.Amount => Query.OrderBy(query.Order, d => d.Amount, d => d.Id),
            DealOrder.Title => Query.OrderBy(query.Order, d => d.Title.ToLower(), d => d.Id),
            _ => Query.OrderBy(query.Order, d => d.CreatedAt, d => d.Id),
        };
    }
}
