using Crm.Application.Common.Tags;
using Crm.Application.Companies.Common;
using FluentValidation;

namespace Crm.Application.Companies.Commands.CreateCompany;

public sealed class CreateCompanyValidator : AbstractValidator<CreateCompanyCommand>
{
    public CreateCompanyValidator()
    {
        RuleFor(c => c.Name).CompanyName();
        RuleFor(c => c.Domain).CompanyDomainName();
        RuleFor(c => c.Industry).CompanyIndustry();
        RuleFor(c => c.EmployeeCount).CompanyEmployeeCount();
        RuleFor(c => c.Website).CompanyWebsite();
        RuleFor(c => c.Phone).CompanyPhone();
        RuleFor(c => c.Tags).RecordTagList();
        RuleFor(c => c.Address!).SetValidator(CompanyAddressValidator.Instance).When(c => c.Address is not null);
    }
}
