using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Domain.Organizations.Rules;

public sealed record CurrencyMustBeIso4217(string Currency) : IBusinessRule
{
    public Error Error => ErrorCatalog.InvalidCurrency;

    public string Message => $"'{Currency}' is not an active upper-case ISO 4217 currency code.";


    public bool IsBroken() => !Common.Currency.IsValid(Currency);
}
