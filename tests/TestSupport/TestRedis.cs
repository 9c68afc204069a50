namespace Crm.TestSupport;

/// <summary>The test Redis server started by build/test.sh (CRM_TEST_REDIS).</summary>
public static class TestRedis
{
    public const string Variable = "CRM_TEST_REDIS";

    public static string Configuration =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set. Run the tests with build/test.sh, which starts Redis and sets it.");

    /// <summary>A loopback address where nothing listens, for tests of a cache that is down.</summary>
    public const string Unreachable = "127.0.0.1:1";
}
