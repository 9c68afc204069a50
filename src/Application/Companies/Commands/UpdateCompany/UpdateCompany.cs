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
using Crm.Domain.Common;
using Crm.Domain.Companies;
using Crm.Domain.CustomFields;
using Crm.Domain.Errors;
using MediatR;

namespace Crm.Application.Companies.Commands.UpdateCompany;

/// <summary>
/// A partial update: fields left out keep their value, optional fields set to null are cleared; an address sent
/// replaces the whole address.
/// </summary>
[AuditAction("update_company")]
public sealed record UpdateCompanyCommand(
    [property: JsonIgnore] Guid Id,
    Optional<string> Name = default,
    Optional<string?> Domain = default,
    Optional<string?> Industry = default,
    Optional<int?> EmployeeCount = default,
    Optional<string?> Website = default,
    Optional<string?> Phone = default,
    Optional<CompanyAddressDto?> Address = default,
    Optional<Guid> OwnerId = default,
    Optional<IReadOnlyList<string>?> Tags = default,
    Optional<IReadOnlyDictionary<string, JsonElement>?> CustomFields = default,
    [property: JsonIgnore] VersionCondition? IfMatch = null)
    : ICommand<CompanyDto>, IOrganizationScoped;

public sealed class UpdateCompanyCommandHandler(
    IRepository<Company> companies,
    IReadStore store,
    CustomFieldInput customFields,
    IRequestContext context,
    IMapper mapper,
    TimeProvider time,
    WritePreconditions preconditions,
    ITransactionOutcome outcome)
    : IRequestHandler<UpdateCompanyCommand, CompanyDto>
{
    public async Task<CompanyDto> Handle(UpdateCompanyCommand request, CancellationToken cancellationToken)
    {
        var actor = context.RequireActor();
        var company = await companies.GetInOrganizationAsync(request.Id, context, ErrorCatalog.CompanyNotFound, cancellationToken);
        preconditions.Require(company, request.IfMatch);
        var address = request.Address.IsSet ? new Optional<CompanyAddress?>(true, request.Address.Value.ToAddress()) : default;
        var values = request.CustomFields.IsSet
            ? await customFields.ReadAsync(company.OrganizationId, CustomFieldRecordType.Company, request.CustomFields.Value ?? new Dictionary<string, JsonElement>(), CustomFieldWrite.Merge, cancellationToken)
            : null;
        company.Update(
            actor,
            new CompanyChanges(
                request.Name, request.Domain, request.Industry, request.EmployeeCount, request.Website, request.Phone, address,
                request.OwnerId, request.Tags, values is null ? default : new Optional<IReadOnlyDictionary<string, object?>?>(true, values)),
            time.UtcNow());
        if (request.OwnerId.IsSet)
        {
            await store.EnsureMemberAsync(company.OrganizationId, request.OwnerId.Value, cancellationToken);
        }

        return outcome.VersionedAfterCommit(mapper.Map<CompanyDto>(company), company);
    }
}
