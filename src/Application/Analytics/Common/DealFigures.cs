namespace Crm.Application.Analytics.Reports;

/// <summary>A number of deals and their amounts per currency (never added across currencies).</summary>
public sealed record DealFigures(int Count, IReadOnlyDictionary<string, decimal> Amounts)
{
    public static readonly DealFigures None = new(0, new Dictionary<string, decimal>());

    /// <summary>The figures of rows of (currency, count, amount), currencies in ordinal order.</summary>
    public static DealFigures Of<T>(IEnumerable<T> rows, Func<T, string> currency, Func<T, int> count, Func<T, decimal> amount)
    {
        var list = rows.ToList();
        return new DealFigures(
            list.Sum(count),
            list.GroupBy(currency).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(amount)));
    }
}
