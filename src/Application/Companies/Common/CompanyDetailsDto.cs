namespace Crm.Application.Companies.Common;

/// <summary>One company with what belongs to it, counted when it is read.</summary>
public sealed class CompanyDetailsDto : CompanyDto
{
    public required int ContactCount { get; init; }

    /// <summary>Deals of the company that are neither won nor lost.</summary>
    public required int OpenDealCount { get; init; }

    /// <summary>The sum of the company's won deals, one entry per currency, in currency order.</summary>
    public required IReadOnlyList<MoneyAmountDto> WonAmounts { get; init; }
}
