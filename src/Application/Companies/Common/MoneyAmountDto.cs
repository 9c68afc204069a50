namespace Crm.Application.Companies.Common;

/// <summary>A sum of money in one currency.</summary>
public sealed class MoneyAmountDto
{
    public required string Currency { get; init; }

    public required decimal Amount { get; init; }
}
