using Crm.Application.Common.Tags;
using Crm.Application.Companies.Common;
using FluentValidation;

namespace Crm.Application.Companies.Commands.UpdateCompany;

public sealed class UpdateCompanyValidator : AbstractValidator<UpdateCompanyCommand>
{
    public UpdateCompanyValidator()
    {
        RuleFor(c => c.Name.Value).CompanyName().When(c => c.Name.IsSet).OverridePropertyName("Name");
        RuleFor(c => c.Domain.Value).CompanyDomainName().When(c => c.Domain.IsSet).OverridePropertyName("Domain");
        RuleFor(c => c.Industry.Value).CompanyIndustry().When(c => c.Industry.IsSet).OverridePropertyName("Industry");
        RuleFor(c => c.EmployeeCount.Value).CompanyEmployeeCount().When(c => c.EmployeeCount.IsSet)
            .OverridePropertyName("EmployeeCount");
        RuleFor(c => c.Website.Value).CompanyWebsite().When(c => c.Website.IsSet).OverridePropertyName("Website");
        RuleFor(c => c.Phone.Value).CompanyPhone().When(c => c.Phone.IsSet).OverridePropertyName("Phone");
        RuleFor(c => c.Tags).RecordTagList();
        RuleFor(c => c.Address.Value!).SetValidator(CompanyAddressValidator.Instance)
            .When(c => c.Address is { IsSet: true, Value: not null }).OverridePropertyName("Address");
    }
}
