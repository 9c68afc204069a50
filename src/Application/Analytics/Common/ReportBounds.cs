namespace Crm.Application.Analytics.Reports;

/// <summary>The ranges the reports accept: past them a report answers 400 validation_failed naming the parameter.</summary>
public static class ReportBounds
{
    public const int MinDays = 1;
    public const int MaxDays = 3650;
    public const int DefaultDays = 90;
    public const int MinMonths = 1;
    public const int MaxMonths = 36;
    public const int DefaultMonths = 6;
}
