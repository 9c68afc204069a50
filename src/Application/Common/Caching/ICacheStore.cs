namespace Crm.Application.Common.Caching;

/// <summary>Where cached answers and tag versions live.</summary>
public interface ICacheStore
{
    /// <summary>The answer stored under <paramref name="key"/>, as a <paramref name="type"/>; null when absent.</summary>
    Task<object?> GetAsync(string key, Type type, CancellationToken cancellationToken);

    Task SetAsync(string key, object value, Type type, TimeSpan timeToLive, CancellationToken cancellationToken);

    /// <summary>The current version of a tag; answers cached under an older version are never read again.</summary>
    Task<long> GetTagVersionAsync(string tag, CancellationToken cancellationToken);

    Task InvalidateTagAsync(string tag, CancellationToken cancellationToken);
}
