namespace Crm.Infrastructure.Imports;

/// <summary>Runs queued imports on demand (the command line, and hosts whose background runner is off).</summary>
public interface IImportRunner
{
    /// <summary>Runs the next queued import (or one whose runner died), if any; answers whether there was one.</summary>
    Task<bool> RunNextAsync(CancellationToken cancellationToken);
}
