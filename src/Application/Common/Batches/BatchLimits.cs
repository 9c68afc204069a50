namespace Crm.Application.Common.Batches;

public static class BatchLimits
{
    /// <summary>The most items one batch takes: bounds one request's work and its answer's size.</summary>
    public const int MaxItems = 500;
}
