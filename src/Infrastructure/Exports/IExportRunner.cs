namespace Crm.Infrastructure.Exports;

/// <summary>Runs queued exports on demand (the command line, and hosts whose background runner is off).</summary>
public interface IExportRunner
{
    /// <summary>Runs the next queued export, if any; answers whether there was one.</summary>
    Task<bool> RunNextAsync(CancellationToken cancellationToken);
}
