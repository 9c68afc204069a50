using Crm.Application.Activities.Common;
using Crm.Application.Activities.Queries.ListFeed;
using Crm.Application.Common.Models;
using Crm.Application.Companies.Common;
using Crm.Application.Companies.Queries.ListCompanies;
using Crm.Application.Contacts.Common;
using Crm.Application.Contacts.Queries.ListContacts;
using Crm.Application.Deals.Common;
using Crm.Application.Deals.Queries.ListDeals;
using Crm.Application.Tasks.Common;
using Crm.Application.Tasks.Queries.ListTasks;
using Crm.Domain.Exports;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Application.Exports.Common;

/// <summary>Which list query selects each record type's rows, and the source that reads them through its handler.</summary>
public static class ExportSources
{
    public static Type QueryType(ExportRecordType recordType) => recordType switch
    {
        ExportRecordType.Contacts => typeof(ListContactsQuery),
        ExportRecordType.Companies => typeof(ListCompaniesQuery),
        ExportRecordType.Deals => typeof(ListDealsQuery),
        ExportRecordType.Activities => typeof(ListFeedQuery),
        _ => typeof(ListTasksQuery),
    };

    /// <summary>The source of a record type's rows, its handler taken from <paramref name="services"/> (the job's scope).</summary>
    public static IExportSource For(ExportRecordType recordType, IServiceProvider services) => recordType switch
    {
        ExportRecordType.Contacts => Source<ListContactsQuery, ContactDto>(recordType, services, (q, size, cursor) =>
            q with { Page = 1, PageSize = size, Cursor = cursor, OrderBy = ContactOrder.CreatedAt, Order = SortOrder.Asc }),
        ExportRecordType.Companies => Source<ListCompaniesQuery, CompanyDto>(recordType, services, (q, size, cursor) =>
            q with { Page = 1, PageSize = size, Cursor = cursor, OrderBy = CompanyOrder.CreatedAt, Order = SortOrder.Asc }),
        ExportRecordType.Deals => Source<ListDealsQuery, DealDto>(recordType, services, (q, size, cursor) =>
            q with { Page = 1, PageSize = size, Cursor = cursor, OrderBy = DealOrder.CreatedAt, Order = SortOrder.Asc }),
        ExportRecordType.Activities => Source<ListFeedQuery, ActivityDto>(recordType, services, (q, size, cursor) =>
            q with { Page = 1, PageSize = size, Cursor = cursor, Order = SortOrder.Asc }),
        _ => Source<ListTasksQuery, TaskDto>(recordType, services, (q, size, cursor) =>
            q with { Page = 1, PageSize = size, Cursor = cursor, OrderBy = TaskOrder.CreatedAt, Order = SortOrder.Asc }),
    };

    /// <summary>
    /// Sends the list query as the list endpoint would (validation, rules, the first page of rows), so that what the list
    /// refuses the export refuses with the same answer.
    /// </summary>
    public static Task CheckAsync(object query, IMediator mediator, CancellationToken cancellationToken) => query switch
    {
        ListContactsQuery contacts => mediator.Send(contacts, cancellationToken),
        ListCompaniesQuery companies => mediator.Send(companies, cancellationToken),
        ListDealsQuery deals => mediator.Send(deals, cancellationToken),
        ListTasksQuery tasks => mediator.Send(tasks, cancellationToken),
        ListFeedQuery feed => mediator.Send(feed, cancellationToken),
        _ => throw new ArgumentException($"{query.GetType().Name} is not a list an export reads.", nameof(query)),
    };

    private static ExportSource<TQuery, TDto> Source<TQuery, TDto>(
        ExportRecordType recordType, IServiceProvider services, Func<TQuery, int, string?, TQuery> page)
        where TQuery : IRequest<PagedList<TDto>>
        where TDto : notnull =>
        new(recordType, services.GetRequiredService<IRequestHandler<TQuery, PagedList<TDto>>>(), page);
}
