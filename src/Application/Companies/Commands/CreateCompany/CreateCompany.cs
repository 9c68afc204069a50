using System.Text.Json;
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
using MediatR;

namespace Crm.Application.Companies.Commands.CreateCompany;

/// <summary>Creates a company owned by the caller, or by <see cref="OwnerId"/> when a manager or above names one.</summary>
[AuditAction("create_company")]
public sealed record CreateCompanyCommand(
    string Name,
    string? Domain = null,
    string? Industry = null,
    int? EmployeeCount = null,
    string? Website = null,
    string? Phone = null,
    CompanyAddressDto? Address = null,
    Guid? OwnerId = null,
    IReadOnlyList<string>? Tags = null,
    IReadOnlyDictionary<string, JsonElement>? CustomFields = null)
    : ICommand<CompanyDto>, IOrganizationScoped;

public sealed class CreateCompanyCommandHandler(
    IRepository<Company> companies, IReadStore store, CustomFieldInput customFields, IRequestContext context, IMapper mapper, TimeProvider time, ITransactionOutcome outcome)
    : IRequestHandler<CreateCompanyCommand, CompanyDto>
{
    public async Task<CompanyDto> Handle(CreateCompanyCommand request, CancellationToken cancellationToken)
    {
        var actor = context.RequireActor();
        var organizationId = context.RequireOrganizationId();
        var values = await customFields.ReadAsync(organizationId, CustomFieldRecordType.Company, request.CustomFields, CustomFieldWrite.Create, cancellationToken);
        var company = Company.Create(
            organizationId,
            actor,
            request.OwnerId,
            new CompanyDetails(
                request.Name, request.Domain, request.Industry, request.EmployeeCount, request.Website, request.Phone,
                request.Address.ToAddress()),
            time.UtcNow(),
            request.Tags,
            values);
        await store.EnsureMemberAsync(organizationId, request.OwnerId, cancellationToken);
        companies.Add(company);
        return outcome.VersionedAfterCommit(mapper.Map<CompanyDto>(company), company);
    }
}
