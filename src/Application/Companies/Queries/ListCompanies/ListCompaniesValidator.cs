using Crm.Application.Common.Models;
using Crm.Application.Common.Tags;
using Crm.Domain.Companies;
using FluentValidation;

namespace Crm.Application.Companies.Queries.ListCompanies;

public sealed class ListCompaniesValidator : AbstractValidator<ListCompaniesQuery>
{
    public ListCompaniesValidator()
    {
        Include(PagingValidator.Instance);
        RuleFor(q => q.Domain).FilterValues();
        RuleFor(q => q.Tag).FilterValues();
        RuleForEach(q => q.Tag).TagFilterValue();
        RuleForEach(q => q.Domain).MaximumLength(CompanyDomain.MaxLength);
        RuleFor(q => q.Search).MaximumLength(200);
        RuleFor(q => q.OrderBy).IsInEnum();
        RuleFor(q => q.Order).IsInEnum();
    }
}
