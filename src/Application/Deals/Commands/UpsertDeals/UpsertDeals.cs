using Crm.Application.Common.Batches;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.CustomFields.Common;
using Crm.Application.Deals.Commands.CreateDeal;
using Crm.Application.Deals.Commands.UpdateDeal;
using Crm.Domain.Deals;
using Crm.Domain.Errors;
using Crm.Domain.Records;
using MediatR;

namespace Crm.Application.Deals.Commands.UpsertDeals;

/// <summary>
/// Opens each item as a deal, or changes the deal it matches on <see cref="MatchOn"/>, through the same commands
/// (rules, ownership, timeline, audit) as single requests, each in its own transaction. A new item that sends a
/// status other than new is opened, then moved to it by a second command, as a client would.
/// </summary>
public sealed record UpsertDealsBatch(IReadOnlyList<DealBatchItem> Items, DealMatch? MatchOn = null)
    : IBatch<BatchResult>, IOrganizationScoped;

public sealed class UpsertDealsBatchHandler(IMediator sender, IReadStore store, IRequestContext context, IUnitOfWork unitOfWork)
    : IRequestHandler<UpsertDealsBatch, BatchResult>
{
    public async Task<BatchResult> Handle(UpsertDealsBatch request, CancellationToken cancellationToken)
    {
        var organizationId = context.RequireOrganizationId();
        return await unitOfWork.ExecuteBatchAsync(
            async ct =>
            {
                var results = new List<BatchItemResult>(request.Items.Count);
                for (var index = 0; index < request.Items.Count; index++)
                {
                    results.Add(await UpsertAsync(organizationId, index, request.Items[index], request.MatchOn is not null, ct));
                }

                return BatchResult.Of(results);
            },
            cancellationToken);
    }

    private async Task<BatchItemResult> UpsertAsync(
        Guid organizationId, int index, DealBatchItem item, bool matchOnExternalId, CancellationToken ct)
    {
        Guid? id = null;
        try
        {
            var key = matchOnExternalId ? item.ExternalId.Value : null;
            if (matchOnExternalId && key is null)
            {
                return BatchItemResult.Failed(index, ErrorCatalog.BatchMatchKeyMissing, "match_on is external_id; this item has none.");
            }

            var existing = key is null ? null : await FindAsync(organizationId, key, ct);
            if (existing is null)
            {
                try
                {
                    id = (await sender.Send(Create(item), ct)).Id;
                    if (item.Status is { IsSet: true, Value: not DealStatus.New })
                    {
                        await sender.Send(new UpdateDealCommand(id.Value, default, default, default, item.Status, default, default, default), ct);
                    }

                    return BatchItemResult.Created(index, id.Value);
                }
                catch (ConflictException conflict) when (key is not null && id is null && conflict.Error == ErrorCatalog.ExternalIdTaken)
                {
                    // Another request opened the match meanwhile: this item changes it, as if it had been there.
                    existing = await FindAsync(organizationId, key, ct);
                    if (existing is null)
                    {
                        throw;
                    }
                }
            }

            id = existing.Id;
            if (IsUnchanged(existing, item))
            {
                return BatchItemResult.Unchanged(index, existing.Id);
            }

            await sender.Send(
                new UpdateDealCommand(existing.Id, item.Title, item.Amount, item.Currency, item.Status, item.Stage, item.OwnerId, item.ContactId, item.ExternalId, item.CompanyId, item.Tags, item.ExpectedCloseDate, item.CustomFields),
                ct);
            return BatchItemResult.Updated(index, existing.Id);
        }
        catch (Exception e) when (BatchItemResult.FromException(index, e, id) is { } failed)
        {
            return failed;
        }
    }

    private static CreateDealCommand Create(DealBatchItem item) => new(
        item.ContactId.Value,
        item.Title.Value,
        item.Amount.IsSet ? item.Amount.Value : null,
        item.Currency.IsSet ? item.Currency.Value : null,
        item.Stage.IsSet ? item.Stage.Value : null,
        item.OwnerId.IsSet ? item.OwnerId.Value : null,
        item.ExternalId.Value,
        item.CompanyId.Value,
        item.Tags.Value,
        item.ExpectedCloseDate.IsSet ? item.ExpectedCloseDate.Value : null,
        item.CustomFields.Value);

    private Task<Deal?> FindAsync(Guid organizationId, string externalId, CancellationToken ct) =>
        store.FirstOrDefaultAsync(store.Query(new DealMatchSpecification(organizationId, externalId)), ct);

    /// <summary>Whether every field the item sends already has that value, as the deal would store it.</summary>
    private static bool IsUnchanged(Deal deal, DealBatchItem item) =>
        (!item.Title.IsSet || item.Title.Value?.Trim() == deal.Title)
        && (!item.Amount.IsSet || item.Amount.Value == deal.Amount)
        && (!item.Currency.IsSet || item.Currency.Value == deal.Currency)
        && (!item.Status.IsSet || item.Status.Value == deal.Status)
        && (!item.Stage.IsSet || item.Stage.Value == deal.Stage)
        && (!item.OwnerId.IsSet || item.OwnerId.Value == deal.OwnerId)
        && (!item.ContactId.IsSet || item.ContactId.Value == deal.ContactId)
        && (!item.ExternalId.IsSet || item.ExternalId.Value == deal.ExternalId)
        && (!item.CompanyId.IsSet || item.CompanyId.Value == deal.CompanyId)
        && (!item.ExpectedCloseDate.IsSet || item.ExpectedCloseDate.Value == deal.ExpectedCloseDate)
        && (!item.Tags.IsSet || RecordTags.WouldKeep(item.Tags.Value, deal.Tags))
        && (!item.CustomFields.IsSet || CustomFieldJson.WouldKeep(item.CustomFields.Value, deal.CustomFields));
}
