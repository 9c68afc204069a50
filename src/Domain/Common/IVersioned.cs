namespace Crm.Domain.Common;

/// <summary>
/// A record whose every write gives it a new version (the store's row version): an update or delete compares the
/// version it read, so a stale copy never overwrites a newer one, and clients see it as the record's ETag.
/// </summary>
public interface IVersioned
{
    uint Version { get; }
}
