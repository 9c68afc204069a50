namespace Crm.Infrastructure.Data;

/// <summary>
/// The version of a cache tag, shared by every instance (read and bumped in SQL by the versioned cache store);
/// in the model so that the migrations create its table.
/// </summary>
internal sealed class CacheTag
{
    private CacheTag()
    {
    }

    public string Tag { get; private set; } = string.Empty;

    public long Version { get; private set; }
}
