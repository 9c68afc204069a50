using System.Text.Json;
using System.Text.Json.Serialization;
using AutoMapper;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Concurrency;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Common.Transactions;
using Crm.Application.Companies.Common;
using Crm.Application.CustomFields.Common;
using Crm.Application.Deals.Common;
using Crm.Domain.Common;
using Crm.Domain.CustomFields;
using Crm.Domain.Deals;
using Crm.Domain.Errors;
using MediatR;

namespace Crm.Application.Deals.Commands.UpdateDeal;

/// <summary>One atomic change of any of a deal's fields; the deal checks every rule before any of it applies.</summary>
[AuditAction("update_deal")]
public sealed record UpdateDealCommand(
    [property: JsonIgnore] Guid Id,
    Optional<string> Title,
    Optional<decimal> Amount,
    Optional<string> Currency,
    Optional<DealStatus> Status,
    Optional<DealStage> Stage,
    Optional<Guid> OwnerId,
    Optional<Guid> ContactId,
    Optional<string?> ExternalId = default,
    Optional<Guid?> CompanyId = default,
    Optional<IReadOnlyList<string>?> Tags = default,
    Optional<DateOnly?> ExpectedCloseDate = default,
    Optional<IReadOnlyDictionary<string, JsonElement>?> CustomFields = default,
    [property: JsonIgnore] VersionCondition? IfMatch = null) : ICommand<DealDto>, IOrganizationScoped;

public sealed class UpdateDealCommandHandler(
    IRepository<Deal> deals,
    IReadStore store,
    CustomFieldInput customFields,
    IRequestContext context,
    IMapper mapper,
    TimeProvider time,
    WritePreconditions preconditions,
    ITransactionOutcome outcome)
    : IRequestHandler<UpdateDealCommand, DealDto>
{
    public async Task<DealDto> Handle(UpdateDealCommand request, CancellationToken cancellationToken)
    {
        var actor = context.RequireActor();
        var deal = await deals.GetInOrganizationAsync(request.Id, context, ErrorCatalog.DealNotFound, cancellationToken);
        preconditions.Require(deal, request.IfMatch);
        var values = request.CustomFields.IsSet
            ? await customFields.ReadAsync(deal.OrganizationId, CustomFieldRecordType.Deal, request.CustomFields.Value ?? new Dictionary<string, JsonElement>(), CustomFieldWrite.Merge, cancellationToken)
            : null;
        deal.Change(
            actor,
            new DealChanges(request.Title, request.Amount, request.Currency, request.Status, request.Stage, request.OwnerId, request.ContactId, request.ExternalId, request.CompanyId, request.Tags, request.ExpectedCloseDate,
                values is null ? default : new Optional<IReadOnlyDictionary<string, object?>?>(true, values)),
            time.UtcNow());
        if (request.ContactId.IsSet)
        {
            await store.EnsureContactAsync(deal.OrganizationId, request.ContactId.Value, cancellationToken);
        }

        if (request.CompanyId.IsSet)
        {
            await store.EnsureCompanyAsync(deal.OrganizationId, request.CompanyId.Value, cancellationToken);
        }

        if (request.OwnerId.IsSet)
        {
            await store.EnsureMemberAsync(deal.OrganizationId, request.OwnerId.Value, cancellationToken);
        }

        return outcome.VersionedAfterCommit(mapper.Map<DealDto>(deal), deal);
    }
}
