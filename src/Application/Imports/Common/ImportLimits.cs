namespace Crm.Application.Imports.Common;

/// <summary>What one import may hold, and what one organization may have the runners do at once.</summary>
public static class ImportLimits
{
    /// <summary>Imports queued or running at once per organization; more waits for one to finish (409).</summary>
    public const int MaxActivePerOrganization = 3;

    /// <summary>Data rows of one file; a longer file is refused before it is stored.</summary>
    public const int MaxRows = 1_000_000;

    /// <summary>Columns of one file.</summary>
    public const int MaxColumns = 500;

    /// <summary>Bytes of one uploaded file (a million contact rows of a dozen columns fit well within it).</summary>
    public const long MaxFileSize = 512L * 1024 * 1024;
}
