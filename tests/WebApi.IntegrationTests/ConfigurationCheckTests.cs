using System.Diagnostics;
using Crm.Infrastructure.Configuration;
using Crm.Infrastructure.Identity;
using Crm.WebApi.Cli;
using Crm.WebApi.IntegrationTests.Support;
using Microsoft.Extensions.Configuration;

namespace Crm.WebApi.IntegrationTests;

/// <summary>
/// Configuration checked at start-up, as an operator meets it: a wrong value stops the service with one line naming the
/// setting (exit 78), Production refuses the development defaults, check-config shows what the service would use.
/// </summary>
public sealed class ConfigurationCheckTests
{
    /// <summary>A complete production configuration (no server is contacted: only the settings are checked).</summary>
    private static Dictionary<string, string?> Production() => new()
    {
        ["ConnectionStrings:Crm"] = "Host=db.internal;Database=crm;Username=crm;Password=s3cret-db-password",
        ["Auth:SigningKeys:0"] = TestKeys.Primary,
        ["Auth:EncryptionKeys:0"] = TestKeys.Encryption,
        ["Email:Transport"] = "smtp",
        ["Email:SmtpHost"] = "smtp.example.com",
        ["Email:From"] = "Crm <no-reply@example.com>",
        ["Email:AppBaseUrl"] = "https://crm.example.com",
        ["Files:LocalRoot"] = "/var/lib/crm/files",
    };

    private static IReadOnlyList<string> Problems(string environment, Dictionary<string, string?> settings)
    {
        var builder = CrmHost.CreateBuilder([$"--environment={environment}"]);
        builder.Configuration.AddInMemoryCollection(settings);
        using var app = builder.Build();
        return ConfigurationCheck.Problems(app.Services);
    }

    [Test]
    public void A_complete_production_configuration_has_no_problem()
    {
        Problems("Production", Production()).ShouldBeEmpty();
    }

    [TestCase("Audit:Retention", "00:00:00")]
    [TestCase("Audit:PurgeBatchSize", "0")]
    [TestCase("Auth:ClockSkew", "01:00:00")]
    [TestCase("Auth:Purge:Interval", "-00:00:01")]
    [TestCase("Auth:LoginThrottle:MaxFailures", "0")]
    [TestCase("Caching:TimeToLive", "00:00:00")]
    [TestCase("Caching:Redis", "redis:notaport")]
    [TestCase("RateLimits:Plans:Free:PerUser:TokenLimit", "0")]
    [TestCase("RateLimits:RegisterPerEmail:Window", "00:00:00")]
    [TestCase("Email:SmtpPort", "70000")]
    [TestCase("Email:From", "not an address")]
    [TestCase("Files:Storage", "ftp")]
    [TestCase("Files:MaxSize", "0")]
    [TestCase("Files:Quotas:Free", "-1")]
    [TestCase("Webhooks:Timeout", "00:00:00")]
    [TestCase("Webhooks:FirstRetryDelay", "1.00:00:00")]
    [TestCase("Notifications:ReminderHour", "24")]
    [TestCase("Imports:ChunkRows", "-5")]
    [TestCase("Exports:MaxAttempts", "0")]
    [TestCase("Idempotency:Retention", "00:00:00")]
    [TestCase("Changes:PurgeBatchSize", "0")]
    [TestCase("Privacy:SuppressionKey", "c2hvcnQ=")]
    [TestCase("Cors:AllowedOrigins:0", "*")]
    [TestCase("Cors:AllowedOrigins:0", "https://app.example.com/path")]
    [TestCase("ForwardedHeaders:KnownProxies:0", "proxy")]
    [TestCase("ForwardedHeaders:KnownNetworks:0", "0.0.0.0/0")]
    [TestCase("OpenTelemetry:Endpoint", "collector:4318")]
    [TestCase("OpenTelemetry:Protocol", "udp")]
    [TestCase("ConnectionStrings:Crm", "Hots=db;Database=crm")]
    public void A_wrong_value_is_one_problem_naming_its_setting(string setting, string value)
    {
        var settings = Production();
        settings[setting] = value;

        var problems = Problems("Production", settings);

        problems.Count.ShouldBe(1, string.Join(Environment.NewLine, problems));
        problems[0].ShouldContain(setting);
    }

    [TestCase("Email:Transport", "pickup", "Email:Transport")]
    [TestCase("Auth:SigningKeys:0", TokenOptions.DevelopmentSigningKey, "Auth:SigningKeys")]
    [TestCase("Auth:EncryptionKeys:0", TokenOptions.DevelopmentEncryptionKey, "Auth:EncryptionKeys")]
    [TestCase("Privacy:SuppressionKey", TokenOptions.DevelopmentEncryptionKey, "Privacy:SuppressionKey")]
    [TestCase("Webhooks:AllowInsecure", "true", "Webhooks:AllowInsecure")]
    [TestCase("Cors:AllowedOrigins:0", "http://localhost:*", "Cors:AllowedOrigins:0")]
    [TestCase("Cors:AllowedOrigins:0", "http://app.example.com", "Cors:AllowedOrigins:0")]
    [TestCase("Email:AppBaseUrl", "http://127.0.0.1:5080", "Email:AppBaseUrl")]
    [TestCase("Email:From", "Crm <no-reply@crm.localhost>", "Email:From")]
    [TestCase("Files:LocalRoot", null, "Files:LocalRoot")]
    [TestCase("Email:SmtpPassword", "change-me-smtp-password", "Email:SmtpPassword")]
    public void Production_refuses_a_development_default(string setting, string? value, string named)
    {
        var settings = Production();
        settings[setting] = value ?? Path.Combine(Path.GetTempPath(), "crm-files");

        var problems = Problems("Production", settings);

        problems.ShouldHaveSingleItem().ShouldStartWith(named);
        // The same value is fine where it belongs.
        Problems("Development", settings).ShouldNotContain(p => p.StartsWith(named, StringComparison.Ordinal) && setting != "Email:SmtpPassword");
    }

    [TestCase("no-such-command")]
    [TestCase("serv")]
    [TestCase("migrat")]
    [TestCase("--ulrs", "http://127.0.0.1:0")]
    [TestCase("serve", "--forse")]
    [TestCase("serve", "extra")]
    [TestCase("serve", "--urls")]
    [TestCase("migrate", "--Email:SmtpHost")]
    [TestCase("check-config", "--nope")]
    [TestCase("--=x")]
    [TestCase("Email:SmtpHost=x")]
    public async Task An_unknown_command_or_option_exits_with_code_2(params string[] args)
    {
        (await CrmCommandLine.InvokeAsync(args)).ShouldBe(CrmCommandLine.BadArguments);
    }

    [TestCase]
    [TestCase("--urls", "http://127.0.0.1:0")]
    [TestCase("--urls=http://127.0.0.1:0", "--environment", "Production")]
    [TestCase("--Email:SmtpHost=smtp.example.com", "--ConnectionStrings:Crm", "Host=db")]
    [TestCase("--Webhooks=", "--contentRoot=/srv/crm")]
    public void Host_settings_and_configuration_paths_pass_through(params string[] args)
    {
        HostArguments.FirstUnknown(args).ShouldBeNull();
    }

    [Test]
    public async Task An_operator_mistyping_a_command_sees_the_usage_and_a_suggestion()
    {
        var (exitCode, output, errors) = await RunAsync(["serv"], new() { ["ConnectionStrings__Crm"] = null });

        exitCode.ShouldBe(CrmCommandLine.BadArguments);
        errors.ShouldStartWith("Unknown command 'serv'. Did you mean 'serve'?");
        errors.ShouldContain("Usage:");
        errors.ShouldContain("check-config");
        output.ShouldBeEmpty();
    }

    [Test]
    public async Task A_missing_connection_string_stops_the_service_with_one_line()
    {
        var (exitCode, _, errors) = await RunAsync(["serve", "--urls", "http://127.0.0.1:0"], new() { ["ConnectionStrings__Crm"] = null });

        exitCode.ShouldBe(CrmCommandLine.BadConfiguration);
        errors.TrimEnd().ShouldBe(
            "Configuration error: ConnectionStrings:Crm is not configured: set ConnectionStrings__Crm to a PostgreSQL connection string (Host=...;Database=...;Username=...;Password=...).");
    }

    [Test]
    public async Task A_wrong_value_stops_the_service_with_one_line_naming_it_and_no_stack_trace()
    {
        var (exitCode, _, errors) = await RunAsync(["--urls", "http://127.0.0.1:0"], new() { ["Audit__Retention"] = "a year" });

        exitCode.ShouldBe(CrmCommandLine.BadConfiguration);
        errors.TrimEnd().Split('\n').ShouldHaveSingleItem().ShouldContain("'Audit:Retention'");
    }

    [Test]
    public async Task Check_config_prints_the_effective_configuration_with_secrets_masked()
    {
        var (exitCode, output, errors) = await RunAsync(["check-config"], new()
        {
            ["Caching__Redis"] = "redis.internal:6379,password=redis-secret",
            ["Email__SmtpPassword"] = "smtp-secret",
        });

        exitCode.ShouldBe(0, errors);
        output.ShouldContain("Environment = Development");
        output.ShouldContain("Audit:Retention = 365.00:00:00");
        output.ShouldContain("Caching:Redis = redis.internal:6379,password=***");
        output.ShouldContain("Email:SmtpPassword = ***");
        output.ShouldContain($"ConnectionStrings:Crm = {SettingValues.MaskPasswords(Testing.Database.ConnectionString)}");
        output.ShouldContain("Auth:SigningKeys:0 = ***");
        output.ShouldNotContain("redis-secret");
        output.ShouldNotContain("smtp-secret");
        output.ShouldNotContain(new Npgsql.NpgsqlConnectionStringBuilder(Testing.Database.ConnectionString).Password!);
        output.ShouldNotContain(TokenOptions.DevelopmentSigningKey);
        output.TrimEnd().ShouldEndWith("The configuration is valid.");
    }

    [Test]
    public async Task Check_config_names_every_problem_and_exits_non_zero()
    {
        var (exitCode, output, errors) = await RunAsync(["check-config", "--environment=Production"], new() { ["Notifications__ReminderHour"] = "25" });

        exitCode.ShouldBe(CrmCommandLine.BadConfiguration);
        output.ShouldContain("Environment = Production");
        output.ShouldContain("Notifications:ReminderHour = 25");
        var problems = errors.TrimEnd().Split('\n');
        problems.ShouldAllBe(p => p.StartsWith("Configuration error: ", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Contains("Notifications:ReminderHour must be between 0 and 23", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Contains("Email:Transport=pickup", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Contains("Auth:SigningKeys is not configured", StringComparison.Ordinal));
    }

    /// <summary>Runs the built executable in Development against the test database's server (nothing is served).</summary>
    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string[] args, Dictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo("dotnet", [RepositoryFiles.ServiceAssembly(), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ConnectionStrings__Crm"] = Testing.Database.ConnectionString,
                ["DOTNET_NOLOGO"] = "1",
            },
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return (process.ExitCode, await output, await errors);
    }
}
