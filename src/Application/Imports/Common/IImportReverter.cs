using Crm.Domain.Imports;
using Crm.Domain.Organizations;

namespace Crm.Application.Imports.Common;

/// <summary>
/// Undoes an import in the current transaction, as sets: deletes the contacts it created, restores the fields it
/// changed, each with its timeline and audit entries, leaving alone (and listing) what changed since; marks it reverted.
/// </summary>
public interface IImportReverter
{
    /// <summary>Null when the import was no longer revertible (reverted meanwhile).</summary>
    Task<ImportRevertDto?> RevertAsync(ImportJob job, Actor actor, CancellationToken cancellationToken);
}
