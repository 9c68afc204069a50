namespace Crm.Application.Companies.Common;

public sealed record MoneyAmountDto(string Currency, decimal Amount);
