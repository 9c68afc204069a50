using Crm.Domain.Common;

namespace Crm.Domain.Organizations.Rules;

public sealed record CurrencyMustBeIso4217(string Currency) : IBusinessRule
{
    public string Code => "invalid_currency";

    public string Message => $"'{Currency}' is not an active upper-case ISO 4217 currency code.";

    public DomainErrorKind Kind => DomainErrorKind.Invalid;

    public bool IsBroken() => !Common.Currency.IsValid(Currency);
}
