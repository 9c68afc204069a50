using AutoMapper;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Companies.Common;
using Crm.Domain.Companies;
using Crm.Domain.Deals;
using Crm.Domain.Errors;
using MediatR;

namespace Crm.Application.Companies.Queries.GetCompany;

/// <summary>One company, with its contacts and open deals counted and its won deals summed per currency.</summary>
public sealed record GetCompanyQuery(Guid Id) : IQuery<CompanyDetailsDto>, IOrganizationScoped;

public sealed class GetCompanyQueryHandler(IReadStore store, IRequestContext context, IMapper mapper)
    : IRequestHandler<GetCompanyQuery, CompanyDetailsDto>
{
    public async Task<CompanyDetailsDto> Handle(GetCompanyQuery request, CancellationToken cancellationToken)
    {
        var company = await store.GetProjectedAsync<Company, CompanyDto>(
            request.Id, context, mapper, ErrorCatalog.CompanyNotFound, cancellationToken);
        var organizationId = context.RequireOrganizationId();
        var contactCount = await store.CountAsync(
            store.Query(new ContactsOfCompanySpecification(organizationId, company.Id)), cancellationToken);
        var deals = store.Query(new DealsOfCompanySpecification(organizationId, company.Id));
        var openDealCount = await store.CountAsync(
            deals.Where(d => d.Status != DealStatus.Won && d.Status != DealStatus.Lost), cancellationToken);
        var won = await store.ToListAsync(
            deals.Where(d => d.Status == DealStatus.Won)
                .GroupBy(d => d.Currency)
                .Select(g => new { Currency = g.Key, Amount = g.Sum(d => d.Amount) }),
            cancellationToken);
        return new CompanyDetailsDto
        {
            Id = company.Id,
            OwnerId = company.OwnerId,
            Name = company.Name,
            Domain = company.Domain,
            Industry = company.Industry,
            EmployeeCount = company.EmployeeCount,
            Website = company.Website,
            Phone = company.Phone,
            Address = company.Address,
            Tags = company.Tags,
            CustomFields = company.CustomFields,
            CreatedAt = company.CreatedAt,
            UpdatedAt = company.UpdatedAt,
            Version = company.Version,
            ContactCount = contactCount,
            OpenDealCount = openDealCount,
            WonAmounts = won.OrderBy(w => w.Currency, StringComparer.Ordinal).Select(w => new MoneyAmountDto { Currency = w.Currency, Amount = w.Amount }).ToList(),
        };
    }
}
