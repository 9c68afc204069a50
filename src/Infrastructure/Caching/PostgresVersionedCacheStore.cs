using Crm.Application.Common.Caching;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace Crm.Infrastructure.Caching;

/// <summary>
/// The default cache: answers in this instance's memory, tag versions in PostgreSQL. Every cached read checks the
/// versions of its tags, and an invalidation bumps them right after the write commits, so every instance sees it
/// before the write's response leaves. Needs nothing but the database.
/// </summary>
internal sealed class PostgresVersionedCacheStore(IMemoryCache memory, NpgsqlDataSource dataSource) : ICacheStore
{
    public Task<object?> GetAsync(string key, Type type, CancellationToken cancellationToken) =>
        Task.FromResult(memory.Get(key));

    public Task SetAsync(string key, object value, Type type, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        memory.Set(key, value, timeToLive);
        return Task.CompletedTask;
    }

    public async Task<long> GetTagVersionAsync(string tag, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT version FROM cache_tags WHERE tag = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = tag });
        return await command.ExecuteScalarAsync(cancellationToken) is long version ? version : 0;
    }

    public async Task InvalidateTagAsync(string tag, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO cache_tags (tag, version) VALUES ($1, 1) ON CONFLICT (tag) DO UPDATE SET version = cache_tags.version + 1");
        command.Parameters.Add(new NpgsqlParameter { Value = tag });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
