using Crm.Domain.Common;
using Crm.Domain.Organizations;
using FluentValidation;

namespace Crm.Application.Organizations.Common;

public static class OrganizationValidationRules
{
    public static IRuleBuilderOptions<T, string?> OrganizationName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(Organization.NameMaxLength).Must(n => !string.IsNullOrWhiteSpace(n))
            .WithMessage("must not be blank");

    public static IRuleBuilderOptions<T, string?> CurrencyCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(Currency.IsValid).WithMessage("must be an upper-case ISO 4217 currency code, such as USD");
}
