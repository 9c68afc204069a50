using Crm.Application.Organizations.Common;
using Crm.Domain.Organizations;
using FluentValidation;

namespace Crm.Application.Organizations.Commands.UpdateOrganization;

public sealed class UpdateOrganizationValidator : AbstractValidator<UpdateOrganizationCommand>
{
    public UpdateOrganizationValidator()
    {
        RuleFor(c => c.Name).OrganizationName().When(c => c.Name is not null);
        RuleFor(c => c.DefaultCurrency).CurrencyCode().When(c => c.DefaultCurrency is not null);
        RuleFor(c => c.TimeZone).NotEmpty().MaximumLength(OrganizationTimeZones.MaxLength).When(c => c.TimeZone is not null);
    }
}
