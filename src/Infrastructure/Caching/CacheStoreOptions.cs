using Crm.Application.Common.Caching;
using Crm.Infrastructure.Configuration;

namespace Crm.Infrastructure.Caching;

/// <summary>Where answers, cache tags, rate-limit buckets and sign-in failures are kept (section <c>Caching</c>).</summary>
public sealed class CacheStoreOptions
{
    public const string Section = CachingOptions.Section;

    /// <summary>A Redis configuration string (<c>127.0.0.1:6379</c>); empty keeps answers in each instance's memory.</summary>
    [Secret(PasswordOnly = true)]
    public string? Redis { get; set; }

    /// <summary>The prefix of every Redis key, so that several deployments may share one Redis.</summary>
    public string RedisPrefix { get; set; } = "crm:";

    /// <summary>How long one cache call may take before the database answers instead.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMilliseconds(250);

    public bool UsesRedis => !string.IsNullOrWhiteSpace(Redis);
}
