using Crm.Application.Organizations.Common;
using FluentValidation;

namespace Crm.Application.Organizations.Commands.CreateOrganization;

public sealed class CreateOrganizationValidator : AbstractValidator<CreateOrganizationCommand>
{
    public CreateOrganizationValidator()
    {
        RuleFor(c => c.Name).OrganizationName();
        RuleFor(c => c.DefaultCurrency).CurrencyCode().When(c => c.DefaultCurrency is not null);
    }
}
