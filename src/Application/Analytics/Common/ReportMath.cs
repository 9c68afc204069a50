namespace Crm.Application.Analytics.Reports;

/// <summary>The reports' arithmetic: rates and averages to two decimals, null where there is nothing to divide by.</summary>
public static class ReportMath
{
    /// <summary>100 × won ÷ (won + lost); null when no deal closed (0 % would claim every deal was lost).</summary>
    public static decimal? WinRate(int won, int lost) =>
        won + lost == 0 ? null : decimal.Round(100m * won / (won + lost), 2, MidpointRounding.AwayFromZero);

    /// <summary>The mean of <paramref name="count"/> values summing to <paramref name="total"/>; null for none.</summary>
    public static decimal? Average(double total, int count) =>
        count == 0 ? null : decimal.Round((decimal)(total / count), 2, MidpointRounding.AwayFromZero);

    /// <summary>The amount weighted by a probability in percent, to the cent.</summary>
    public static decimal Weighted(decimal amount, int percent) =>
        decimal.Round(amount * percent / 100m, 2, MidpointRounding.AwayFromZero);
}
