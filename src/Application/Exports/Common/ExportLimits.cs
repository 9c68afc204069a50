namespace Crm.Application.Exports.Common;

/// <summary>What one organization may have the runners do at once.</summary>
public static class ExportLimits
{
    /// <summary>Exports queued or running at once per organization; more waits for one to finish (409).</summary>
    public const int MaxActivePerOrganization = 3;
}
