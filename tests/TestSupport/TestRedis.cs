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

/// <summary>The test mail server (maildev) and S3 server (s3rver) started by build/test.sh.</summary>
public static class TestServers
{
    public static int SmtpPort => int.Parse(Required("CRM_TEST_SMTP_PORT"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>maildev's web API: <c>GET /email</c> lists what it received.</summary>
    public static string MaildevUrl => Required("CRM_TEST_MAILDEV_URL");

    public static string S3Url => Required("CRM_TEST_S3_URL");

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{variable} is not set. Run the tests with build/test.sh, which starts the test servers.");
}
