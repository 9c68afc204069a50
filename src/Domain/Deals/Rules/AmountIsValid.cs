using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Domain.Deals.Rules;

/// <summary>Amounts are zero or more, with at most two decimals, and fit numeric(18,2).</summary>
public sealed record AmountIsValid(decimal Amount) : IBusinessRule
{
    public const decimal Max = 9_999_999_999_999_999.99m;

    public Error Error => ErrorCatalog.InvalidAmount;

    public bool IsBroken() => Amount < 0 || Amount > Max || decimal.Round(Amount, 2) != Amount;
}
