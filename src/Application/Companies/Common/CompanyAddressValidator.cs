using Crm.Domain.Companies;
using FluentValidation;

namespace Crm.Application.Companies.Common;

public sealed class CompanyAddressValidator : AbstractValidator<CompanyAddressDto>
{
    public static readonly CompanyAddressValidator Instance = new();

    public CompanyAddressValidator()
    {
        RuleFor(a => a.Line1).MaximumLength(CompanyAddress.LineMaxLength);
        RuleFor(a => a.Line2).MaximumLength(CompanyAddress.LineMaxLength);
        RuleFor(a => a.City).MaximumLength(CompanyAddress.CityMaxLength);
        RuleFor(a => a.Region).MaximumLength(CompanyAddress.RegionMaxLength);
        RuleFor(a => a.PostalCode).MaximumLength(CompanyAddress.PostalCodeMaxLength);
        RuleFor(a => a.Country).Must(c => string.IsNullOrWhiteSpace(c) || CountryCodes.IsValid(c.Trim()))
            .WithMessage("must be an ISO 3166-1 alpha-2 country code such as US or DE");
    }
}
