using Ardalis.Specification;
using Crm.Application.Activities.Common;
using Crm.Application.Common.Specifications;
using Crm.Domain.Activities;

namespace Crm.Application.Activities.Queries.ListFeed;

/// <summary>The organization's feed, newest first (or oldest first, as the query asks; ties broken by id), with its filters.</summary>
public sealed class FeedSpecification : Specification<Activity>
{
    public FeedSpecification(Guid organizationId, ListFeedQuery filters, Guid? mentioned)
    {
        Query.AsNoTracking().Where(a => a.OrganizationId == organizationId);
        if (filters.ActorId is { Count: > 0 } actors)
        {
            Query.Where(a => actors.Contains(a.AuthorId));
        }

        if (filters.Type is { Count: > 0 } types)
        {
            Query.Where(a => types.Contains(a.Type));
        }

        if (filters.RecordType is { Count: > 0 } records)
        {
            // An entry belongs to its deal if it has one, else to its contact, else to its company.
            var deals = records.Contains(ActivityRecordType.Deal);
            var contacts = records.Contains(ActivityRecordType.Contact);
            var companies = records.Contains(ActivityRecordType.Company);
            Query.Where(a =>
                (deals && a.DealId != null)
                || (contacts && a.DealId == null && a.ContactId != null)
                || (companies && a.DealId == null && a.ContactId == null && a.CompanyId != null));
        }

        if (filters.Since is { } since)
        {
            Query.Where(a => a.CreatedAt >= since);
        }

        if (mentioned is { } user)
        {
            Query.Where(a => a.Mentions.Contains(user));
        }

        Query.OrderBy(filters.Order, a => a.CreatedAt, a => a.Id);
    }
}
