using System.Text.Json;
using AutoMapper;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Concurrency;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Common.Specifications;
using Crm.Application.Common.Transactions;
using Crm.Application.Companies.Common;
using Crm.Application.CustomFields.Common;
using Crm.Application.Deals.Common;
using Crm.Domain.Common;
using Crm.Domain.Contacts;
using Crm.Domain.CustomFields;
using Crm.Domain.Deals;
using Crm.Domain.Organizations;
using FluentValidation;
using MediatR;

namespace Crm.Application.Deals.Commands.CreateDeal;

/// <summary>
/// Opens a deal with a contact: status new, stage qualification unless given, amount 0 unless given, the
/// organization's default currency unless given, with the contact's company unless another is named.
/// </summary>
[AuditAction("create_deal")]
public sealed record CreateDealCommand(
    Guid ContactId,
    string Title,
    decimal? Amount,
    string? Currency,
    DealStage? Stage,
    Guid? OwnerId,
    string? ExternalId = null,
    Guid? CompanyId = null,
    IReadOnlyList<string>? Tags = null,
    DateOnly? ExpectedCloseDate = null,
    IReadOnlyDictionary<string, JsonElement>? CustomFields = null)
    : ICommand<DealDto>, IOrganizationScoped;

public sealed class CreateDealCommandHandler(
    IRepository<Deal> deals,
    IReadStore store,
    CustomFieldInput customFields,
    IRequestContext context,
    IMapper mapper,
    TimeProvider time,
    ITransactionOutcome outcome) : IRequestHandler<CreateDealCommand, DealDto>
{
    public async Task<DealDto> Handle(CreateDealCommand request, CancellationToken cancellationToken)
    {
        var actor = context.RequireActor();
        var organizationId = context.RequireOrganizationId();
        var currency = request.Currency ?? await DefaultCurrencyAsync(organizationId, cancellationToken);
        var companyId = request.CompanyId ?? await ContactCompanyAsync(organizationId, request.ContactId, cancellationToken);
        var values = await customFields.ReadAsync(organizationId, CustomFieldRecordType.Deal, request.CustomFields, CustomFieldWrite.Create, cancellationToken);
        var deal = Deal.Open(
            organizationId,
            actor,
            request.ContactId,
            request.Title,
            request.Amount ?? 0m,
            currency,
            request.Stage ?? DealStage.Qualification,
            request.OwnerId,
            time.UtcNow(),
            request.ExternalId,
            companyId,
            request.Tags,
            request.ExpectedCloseDate,
            values);
        await store.EnsureContactAsync(organizationId, request.ContactId, cancellationToken);
        await store.EnsureCompanyAsync(organizationId, request.CompanyId, cancellationToken);
        await store.EnsureMemberAsync(organizationId, request.OwnerId, cancellationToken);
        deals.Add(deal);
        return outcome.VersionedAfterCommit(mapper.Map<DealDto>(deal), deal);
    }

    private Task<Guid?> ContactCompanyAsync(Guid organizationId, Guid contactId, CancellationToken cancellationToken) =>
        store.FirstOrDefaultAsync(
            store.Query(new RecordInOrganizationSpecification<Contact>(contactId, organizationId)).Select(c => c.CompanyId),
            cancellationToken);

    private async Task<string> DefaultCurrencyAsync(Guid organizationId, CancellationToken cancellationToken) =>
        await store.FirstOrDefaultAsync(
            store.Query<Organization>().Where(o => o.Id == organizationId).Select(o => o.DefaultCurrency),
            cancellationToken) ?? Domain.Common.Currency.Default;
}
