using AutoMapper;
using Crm.Application.Common.Caching;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Models;
using Crm.Application.Common.Specifications;
using Crm.Domain.Activities;
using Crm.Domain.Companies;
using Crm.Domain.Contacts;
using Crm.Domain.Deals;
using Crm.Domain.Errors;

namespace Crm.Application.Activities.Common;

/// <summary>Reads a page of one record's timeline; a record of another organization is not found.</summary>
public sealed class RecordTimelines(IReadStore store, IListTotals totals, IMapper mapper)
{
    public async Task<PagedList<ActivityDto>> PageAsync(
        Guid organizationId,
        ActivityRecordType recordType,
        Guid recordId,
        IReadOnlyList<ActivityType>? types,
        IPagedRequest request,
        CancellationToken cancellationToken)
    {
        var exists = recordType switch
        {
            ActivityRecordType.Deal => await store.AnyAsync(store.Query(new RecordInOrganizationSpecification<Deal>(recordId, organizationId)), cancellationToken),
            ActivityRecordType.Contact => await store.AnyAsync(store.Query(new RecordInOrganizationSpecification<Contact>(recordId, organizationId)), cancellationToken),
            _ => await store.AnyAsync(store.Query(new RecordInOrganizationSpecification<Company>(recordId, organizationId)), cancellationToken),
        };
        if (!exists)
        {
            throw new NotFoundException(recordType switch
            {
                ActivityRecordType.Deal => ErrorCatalog.DealNotFound,
                ActivityRecordType.Contact => ErrorCatalog.ContactNotFound,
                _ => ErrorCatalog.CompanyNotFound,
            });
        }

        // The deal timeline keeps the total's key it always had when no type is asked for.
        var key = recordType == ActivityRecordType.Deal && types is not { Count: > 0 }
            ? recordId.ToString()
            : $"{recordType}:{recordId}:{string.Join(',', types ?? [])}";
        var page = await store.ToPageAsync(
            store.Query(new TimelineSpecification(organizationId, recordType, recordId, types)), request, SortOrder.Desc, totals,
            new ListTotalKey(typeof(Activity), key), cancellationToken);
        return new PagedList<ActivityDto>(mapper.Map<List<ActivityDto>>(page.Items), page.Page, page.PageSize, page.Total)
        {
            NextCursor = page.NextCursor,
        };
    }
}
