namespace Crm.Application.Common.Caching;

/// <summary>The invalidations collected during one request's command.</summary>
public sealed class PendingCacheInvalidations : ICacheInvalidations
{
    private readonly HashSet<string> _tags = [];

    public static string TagKey(Guid organizationId, string tag) => $"{organizationId}:{tag}";

    /// <summary>While a batch runs, its items' commands leave their tags here for the batch to bump once, at its end.</summary>
    public bool Deferred { get; set; }

    public void Invalidate(Guid organizationId, string tag) => _tags.Add(TagKey(organizationId, tag));

    public IReadOnlyList<string> Drain()
    {
        var tags = _tags.ToList();
        _tags.Clear();
        return tags;
    }
}
