using Crm.Domain.Deals;
using Crm.Domain.Deals.Rules;
using FluentValidation;

namespace Crm.Application.Deals.Common;

public static class DealValidationRules
{
    public static IRuleBuilderOptions<T, string?> DealTitle<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(Deal.TitleMaxLength).Must(t => !string.IsNullOrWhiteSpace(t))
            .WithMessage("must not be blank");

    public static IRuleBuilderOptions<T, decimal> DealAmount<T>(this IRuleBuilder<T, decimal> rule) =>
        rule.Must(a => !new AmountIsValid(a).IsBroken())
            .WithMessage("must be from 0 to 9999999999999999.99 with at most two decimals");
}
