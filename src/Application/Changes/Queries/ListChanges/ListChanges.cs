using AutoMapper;
using AutoMapper.QueryableExtensions;
using Crm.Application.Changes.Common;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Models;
using Crm.Application.Common.Security;
using Crm.Application.Common.Specifications;
using Crm.Application.Companies.Common;
using Crm.Application.Contacts.Common;
using Crm.Application.Deals.Common;
using Crm.Application.Tasks.Common;
using Crm.Domain.Changes;
using Crm.Domain.Common;
using Crm.Domain.Companies;
using Crm.Domain.Contacts;
using Crm.Domain.Deals;
using Crm.Domain.Errors;
using Crm.Domain.Tasks;
using MediatR;

namespace Crm.Application.Changes.Queries.ListChanges;

/// <summary>
/// The organization's changes of contacts, deals, tasks and companies, oldest first, after the cursor (from the start of
/// retention without one). Any member reads it, as any member reads every record.
/// </summary>
public sealed record ListChangesQuery(
    string? Cursor = null,
    IReadOnlyList<ChangedRecordType>? Types = null,
    int PageSize = ListChangesQuery.DefaultPageSize) : IQuery<ChangePage>, IOrganizationScoped, IPagedRequest
{
    public const int DefaultPageSize = 50;

    int IPagedRequest.Page => 1;
}

public sealed class ListChangesQueryHandler(IReadStore store, IRequestContext context, IMapper mapper, ISecretProtector protector)
    : IRequestHandler<ListChangesQuery, ChangePage>
{
    public async Task<ChangePage> Handle(ListChangesQuery request, CancellationToken cancellationToken)
    {
        var organizationId = context.RequireOrganizationId();
        var types = request.Types is { Count: > 0 } asked ? asked.Distinct().Order().ToList() : [.. Enum.GetValues<ChangedRecordType>()];

        // The cursor is bound to the types as a set: the same types sent in another order are the same feed.
        var binding = CursorBinding.Of(request with { Types = types }, store.Reader);
        var after = ChangeFeedPosition.Start;
        ChangeFeedFloors floors;
        List<RecordChange> rows;
        if (request.Cursor is null)
        {
            // A new reader starts at the oldest row kept. What the purge deleted before now is not its loss: the marks,
            // read before the page, are its floors (a purge in between shows as a mark past them on its next read).
            floors = Floors(await MarksAsync(organizationId, types, cancellationToken));
            rows = await PageAsync(organizationId, types, after, request.PageSize, cancellationToken);
        }
        else
        {
            var cursor = ChangeFeedCursor.Open(request.Cursor, protector, organizationId);
            if (cursor.Binding != binding)
            {
                throw new InvalidInputException(
                    ErrorCatalog.InvalidCursor, "The cursor belongs to another feed, other types or another organization; start again without it.");
            }

            (after, floors) = (cursor.Position, cursor.Floors);
            rows = await PageAsync(organizationId, types, after, request.PageSize, cancellationToken);

            // Read after the page: the purge deletes rows and moves its mark in one statement, so either the page saw
            // the rows or this sees the mark. The purge deletes each type's rows in feed order, so a mark past both the
            // cursor and the reader's floor is a row this reader was due to read, and never will.
            var marks = await MarksAsync(organizationId, types, cancellationToken);
            if (marks.Any(m => new ChangeFeedPosition(m.TransactionId, m.Sequence) is var mark
                    && mark > after && mark > floors.Of(m.RecordType)))
            {
                throw new GoneException(ErrorCatalog.CursorExpired, "Changes this cursor has not read were older than the feed's retention and were deleted.");
            }
        }

        var data = new Dictionary<(ChangedRecordType, Guid), object>();
        await LoadAsync<Contact, ContactDto>(ChangedRecordType.Contact, rows, organizationId, d => d.Id, data, cancellationToken);
        await LoadAsync<Deal, DealDto>(ChangedRecordType.Deal, rows, organizationId, d => d.Id, data, cancellationToken);
        await LoadAsync<DealTask, TaskDto>(ChangedRecordType.Task, rows, organizationId, d => d.Id, data, cancellationToken);
        await LoadAsync<Company, CompanyDto>(ChangedRecordType.Company, rows, organizationId, d => d.Id, data, cancellationToken);

        var items = rows.Select(r => new ChangeDto(
                r.Sequence, r.RecordType, r.RecordId, r.Action, r.ChangedAt, data.GetValueOrDefault((r.RecordType, r.RecordId))))
            .ToList();
        var last = rows.Count > 0 ? new ChangeFeedPosition(rows[^1].TransactionId, rows[^1].Sequence) : after;
        // Nothing new: the cursor sent is the cursor answered, so a client can tell by comparing them.
        return new ChangePage(
            items, rows.Count == 0 && request.Cursor is not null ? request.Cursor : new ChangeFeedCursor(last, floors, binding).Seal(protector, organizationId));
    }

    private Task<List<RecordChange>> PageAsync(
        Guid organizationId, List<ChangedRecordType> types, ChangeFeedPosition after, int size, CancellationToken cancellationToken) =>
        store.ToListAsync(store.Query(new ChangeFeedSpecification(organizationId, types, after, size)), cancellationToken);

    private Task<List<ChangeFeedPurgeMark>> MarksAsync(Guid organizationId, List<ChangedRecordType> types, CancellationToken cancellationToken) =>
        store.ToListAsync(store.Query(new ChangeFeedPurgeMarksSpecification(organizationId, types)), cancellationToken);

    private static ChangeFeedFloors Floors(List<ChangeFeedPurgeMark> marks) =>
        marks.Aggregate(default(ChangeFeedFloors), (floors, m) => floors.With(m.RecordType, new ChangeFeedPosition(m.TransactionId, m.Sequence)));

    /// <summary>The records of one type named on the page, as their single GET shows them (deleted ones are absent).</summary>
    private async Task LoadAsync<TEntity, TDto>(
        ChangedRecordType type,
        List<RecordChange> rows,
        Guid organizationId,
        Func<TDto, Guid> idOf,
        Dictionary<(ChangedRecordType, Guid), object> data,
        CancellationToken cancellationToken)
        where TEntity : Entity, ITenantOwned
        where TDto : class
    {
        var ids = rows.Where(r => r.RecordType == type).Select(r => r.RecordId).Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var records = await store.ToListAsync(
            store.Query(new RecordsInOrganizationSpecification<TEntity>(ids, organizationId)).ProjectTo<TDto>(mapper.ConfigurationProvider),
            cancellationToken);
        foreach (var record in records)
        {
            data[(type, idOf(record))] = record;
        }
    }
}
