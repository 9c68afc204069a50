namespace Crm.Application.Analytics.Reports;

/// <summary>The length of a trend bucket: a calendar day, a week from Monday, or a calendar month.</summary>
public enum TrendInterval
{
    Day,
    Week,
    Month,
}
