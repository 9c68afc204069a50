using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Crm.Infrastructure.Configuration;
using Crm.WebApi.IntegrationTests.Support;
using Microsoft.Extensions.Configuration;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Crm.WebApi.IntegrationTests;

/// <summary>
/// build/deploy as a container engine would read it (no engine runs here): compose.yaml's services, health checks and
/// order, and the API's environment, checked by the service's own configuration rules in Production.
/// </summary>
public sealed partial class DeploymentFilesTests
{
    private static string Deploy(string file) => Path.Combine(RepositoryFiles.Root(), "build", "deploy", file);

    private static Dictionary<object, object> Compose(string file = "compose.yaml")
    {
        using var reader = new StringReader(File.ReadAllText(Deploy(file)));
        // MergingParser applies `<<: *anchor` as an engine does.
        return new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(reader)));
    }

    private static Dictionary<object, object> Map(object? node) => node as Dictionary<object, object> ?? [];

    private static Dictionary<object, object> Service(string name) => Map(Map(Compose()["services"])[name]);

    private static List<string> Strings(object? node) => node is List<object> items ? items.Select(i => i.ToString()!).ToList() : [];

    [Test]
    public void Compose_runs_the_api_twice_behind_nginx_with_postgres_redis_and_a_one_shot_migration()
    {
        var services = Map(Compose()["services"]);

        services.Keys.Cast<string>().ShouldBe(["postgres", "redis", "migrate", "api", "nginx", "maildev", "s3"], ignoreOrder: true);
        Map(Service("api")["deploy"])["replicas"].ShouldBe("2");
        Strings(Service("api")["command"]).ShouldBe(["serve"]);
        Strings(Service("migrate")["command"]).ShouldBe(["migrate"]);
        Service("migrate")["restart"].ShouldBe("no");
        Service("migrate")["image"].ShouldBe(Service("api")["image"]);
        ((string)Service("postgres")["image"]).ShouldStartWith("postgres:16");
        Strings(Service("postgres")["volumes"]).ShouldContain("pgdata:/var/lib/postgresql/data");
        Map(Compose()["volumes"]).Keys.ShouldContain("pgdata");
        Strings(Service("nginx")["volumes"]).ShouldContain("./nginx.conf:/etc/nginx/nginx.conf:ro");
        File.ReadAllText(Deploy("nginx.conf")).ShouldContain("server api:8080");
    }

    [Test]
    public void The_api_waits_for_a_successful_migration_and_healthy_servers_and_nginx_for_a_healthy_api()
    {
        Condition("api", "migrate").ShouldBe("service_completed_successfully");
        Condition("api", "postgres").ShouldBe("service_healthy");
        Condition("api", "redis").ShouldBe("service_healthy");
        Condition("migrate", "postgres").ShouldBe("service_healthy");
        Condition("nginx", "api").ShouldBe("service_healthy");
    }

    private static string? Condition(string service, string dependency) =>
        Map(Map(Service(service)["depends_on"])[dependency])["condition"] as string;

    [TestCase("postgres")]
    [TestCase("redis")]
    [TestCase("api")]
    [TestCase("nginx")]
    [TestCase("maildev")]
    [TestCase("s3")]
    public void Every_lasting_service_has_a_health_check(string service)
    {
        var test = Strings(Map(Service(service)["healthcheck"])["test"]);
        test.Count.ShouldBeGreaterThan(1);
        test[0].ShouldBeOneOf("CMD", "CMD-SHELL");
    }

    [Test]
    public void The_api_health_check_is_the_images_own_probe_of_the_liveness_endpoint()
    {
        Strings(Map(Service("api")["healthcheck"])["test"]).ShouldBe(["CMD", "crm-healthcheck", "8080"]);
        File.ReadAllText(Deploy("healthcheck.sh")).ShouldContain("GET /health/live");
        File.ReadAllText(Deploy("Dockerfile")).ShouldContain("""HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 CMD ["crm-healthcheck", "8080"]""");
    }

    [Test]
    public void Development_servers_start_only_with_the_dev_profile()
    {
        foreach (var (name, service) in Map(Compose()["services"]).Select(s => ((string)s.Key, Map(s.Value))))
        {
            Strings(service.GetValueOrDefault("profiles")).ShouldBe(name is "maildev" or "s3" ? new List<string> { "dev" } : new List<string>(), name);
        }
    }

    [Test]
    public void The_image_builds_in_stages_and_runs_the_executable_as_a_non_root_user_on_port_8080()
    {
        var dockerfile = File.ReadAllText(Deploy("Dockerfile"));

        FromLines().Matches(dockerfile).Select(m => m.Groups[1].Value).ShouldBe(
            ["mcr.microsoft.com/dotnet/sdk:10.0-noble AS build", "mcr.microsoft.com/dotnet/aspnet:10.0-noble AS runtime", "mcr.microsoft.com/dotnet/sdk:10.0-noble AS test"]);
        dockerfile.ShouldContain("USER $APP_UID");
        dockerfile.ShouldContain("EXPOSE 8080");
        dockerfile.ShouldContain("ASPNETCORE_HTTP_PORTS=8080");
        dockerfile.ShouldContain("""ENTRYPOINT ["/app/Crm.WebApi"]""");
        dockerfile.ShouldContain("dotnet publish src/WebApi/Crm.WebApi.csproj -c Release");
        var ignored = File.ReadAllLines(Path.Combine(RepositoryFiles.Root(), "build", "deploy", "Dockerfile.dockerignore"));
        ignored.ShouldContain("build/.local/");
        ignored.ShouldContain("**/bin/");
        ignored.ShouldContain("**/obj/");
        ignored.ShouldContain("build/deploy/.env");
    }

    [GeneratedRegex(@"^FROM (.+)$", RegexOptions.Multiline)]
    private static partial Regex FromLines();

    [Test]
    public void The_test_compose_runs_the_suite_in_the_images_test_stage()
    {
        var tests = Map(Map(Compose("compose.test.yaml")["services"])["tests"]);
        Map(tests["build"])["target"].ShouldBe("test");
        Map(tests["build"])["dockerfile"].ShouldBe("build/deploy/Dockerfile");
        Strings(tests["command"]).ShouldBe(["bash", "build/test.sh"]);
    }

    [Test]
    public void The_systemd_unit_reads_the_same_environment_file_and_runs_hardened_as_its_own_user()
    {
        var unit = File.ReadAllLines(Deploy("crm-api.service"));

        unit.ShouldContain("User=crm");
        unit.ShouldContain("EnvironmentFile=/etc/crm/crm.env");
        unit.ShouldContain("ExecStartPre=/opt/crm/Crm.WebApi migrate");
        unit.ShouldContain("ExecStart=/opt/crm/Crm.WebApi serve");
        unit.ShouldContain($"RestartPreventExitStatus={Cli.CrmCommandLine.BadConfiguration} {Cli.CrmCommandLine.BadArguments}");
        unit.ShouldContain("NoNewPrivileges=true");
        unit.ShouldContain("ProtectSystem=strict");
        unit.ShouldContain("CapabilityBoundingSet=");
    }

    [Test]
    public void The_api_environment_from_the_example_file_with_real_secrets_is_a_valid_production_configuration()
    {
        var environment = ApiEnvironment(realSecrets: true);

        Problems(environment).ShouldBeEmpty();
        environment["ASPNETCORE_ENVIRONMENT"].ShouldBe("Production");
    }

    [Test]
    public void Every_setting_production_requires_is_set_by_the_api_environment()
    {
        // What the service refuses to start without, in its own words: each problem names a setting.
        var required = Problems([]).Select(p => SettingPath().Match(p).Value).Where(p => p.Length > 0).Distinct().ToList();
        required.ShouldContain("ConnectionStrings:Crm");
        required.ShouldContain("Auth:SigningKeys");

        var environment = ApiEnvironment(realSecrets: true);
        foreach (var setting in required)
        {
            environment.Keys.ShouldContain(k => k.Replace("__", ":", StringComparison.Ordinal).StartsWith(setting, StringComparison.OrdinalIgnoreCase),
                $"{setting} is required in Production but compose.yaml and .env.example do not set it");
        }
    }

    [GeneratedRegex(@"^[A-Z][A-Za-z]+(:[A-Za-z0-9]+)+")]
    private static partial Regex SettingPath();

    [Test]
    public void No_secret_of_the_example_file_is_usable_in_production()
    {
        var placeholders = EnvFile().Where(e => e.Value.Contains(SettingValues.Placeholder, StringComparison.Ordinal)).Select(e => e.Key).ToList();
        placeholders.ShouldNotBeEmpty();

        var problems = Problems(ApiEnvironment(realSecrets: false));

        // POSTGRES_PASSWORD reaches the service inside ConnectionStrings__Crm.
        foreach (var setting in placeholders.Select(k => k == "POSTGRES_PASSWORD" ? "ConnectionStrings:Crm" : k.Replace("__", ":", StringComparison.Ordinal)))
        {
            problems.ShouldContain(p => p.StartsWith(setting, StringComparison.Ordinal), $"{setting} keeps its placeholder unnoticed");
        }
    }

    /// <summary>KEY=value lines of .env.example, as compose's env_file and systemd's EnvironmentFile read them.</summary>
    private static Dictionary<string, string> EnvFile() =>
        File.ReadAllLines(Deploy(".env.example"))
            .Select(l => EnvLine().Match(l))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim('"'));

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_]*)=(.*)$")]
    private static partial Regex EnvLine();

    /// <summary>The api container's environment: the env file, then compose's `environment:` interpolated from it.</summary>
    private static Dictionary<string, string> ApiEnvironment(bool realSecrets)
    {
        var file = EnvFile();
        if (realSecrets)
        {
            foreach (var key in file.Keys.Where(k => file[k].Contains(SettingValues.Placeholder, StringComparison.Ordinal)).ToList())
            {
                file[key] = key switch
                {
                    _ when key.StartsWith("Auth__SigningKeys__", StringComparison.Ordinal) =>
                        Convert.ToBase64String(ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportPkcs8PrivateKey()),
                    _ when key.StartsWith("Auth__EncryptionKeys__", StringComparison.Ordinal) || key == "Privacy__SuppressionKey" =>
                        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                    _ => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
                };
            }
        }

        var environment = new Dictionary<string, string>(file);
        foreach (var (key, value) in Map(Service("api")["environment"]))
        {
            environment[(string)key] = Interpolation().Replace((string)value, m => file.GetValueOrDefault(m.Groups[1].Value) is { Length: > 0 } set
                ? set
                : m.Groups[2].Value == ":-" ? m.Groups[3].Value : throw new InvalidOperationException($"{m.Value} is not set by .env.example"));
        }

        return environment;
    }

    [GeneratedRegex(@"\$\{(\w+)(?:(:-|:\?)([^}]*))?\}")]
    private static partial Regex Interpolation();

    /// <summary>What the service, started with exactly this environment, would refuse.</summary>
    private static IReadOnlyList<string> Problems(Dictionary<string, string> environment)
    {
        var builder = CrmHost.CreateBuilder([$"--environment={environment.GetValueOrDefault("ASPNETCORE_ENVIRONMENT", "Production")}"]);
        builder.Configuration.AddInMemoryCollection(environment.Select(e =>
            new KeyValuePair<string, string?>(e.Key.Replace("__", ":", StringComparison.Ordinal), e.Value)));
        using var app = builder.Build();
        return ConfigurationCheck.Problems(app.Services);
    }
}
