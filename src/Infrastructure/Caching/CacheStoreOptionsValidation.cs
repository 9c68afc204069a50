using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Crm.Infrastructure.Caching;

/// <summary>A Redis configuration string the client can read (<c>host:port,password=...</c>).</summary>
internal sealed class CacheStoreOptionsValidation : IValidateOptions<CacheStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, CacheStoreOptions options)
    {
        if (!options.UsesRedis)
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            return ConfigurationOptions.Parse(options.Redis!).EndPoints.Count == 0
                ? ValidateOptionsResult.Fail("Caching:Redis names no server (host:port).")
                : ValidateOptionsResult.Success;
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail($"Caching:Redis is not a Redis configuration string: {e.Message}");
        }
    }
}
