using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Crm.TestSupport;
using Crm.WebApi.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Crm.WebApi.IntegrationTests;

public sealed class TelemetryTests : ApiTest
{
    [Test]
    public async Task Traces_and_metrics_are_exported_over_OTLP_with_one_span_per_mediator_request()
    {
        using var collector = new OtlpCollector();
        await using var instrumented = new CrmApiFactory(
            Testing.Database.ConnectionString, settings: new Dictionary<string, string?> { ["OpenTelemetry:Endpoint"] = collector.Endpoint });
        var api = new Api(instrumented.CreateClient());
        var account = await api.RegisterAsync();
        (await api.As(account).GetAsync("/api/v1/contacts")).Status.ShouldBe(HttpStatusCode.OK);
        (await api.As(account).PostAsync("/api/v1/contacts", new { name = "" })).Status.ShouldBe(HttpStatusCode.BadRequest);

        instrumented.Services.GetRequiredService<TracerProvider>().ForceFlush(5_000).ShouldBeTrue();
        instrumented.Services.GetRequiredService<MeterProvider>().ForceFlush(5_000).ShouldBeTrue();

        var traces = collector.Received("/v1/traces");
        traces.ShouldContain("ListContactsQuery");
        traces.ShouldContain("CreateContactCommand");
        traces.ShouldContain("crm.outcome");
        traces.ShouldContain("refused");
        traces.ShouldContain("validation_failed");
        var metrics = collector.Received("/v1/metrics");
        metrics.ShouldContain("crm.mediator.request.duration");
        metrics.ShouldContain("http.server.request.duration");
    }

    [Test]
    public async Task Log_lines_of_a_request_carry_its_request_id_trace_user_and_organization()
    {
        var capture = new CapturingLoggerProvider();
        await using var logged = new CrmApiFactory(
            Testing.Database.ConnectionString, settings: new Dictionary<string, string?> { ["Logging:LogLevel:Crm"] = "Debug" });
        await using var withCapture = logged.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(capture)));
        var api = new Api(withCapture.CreateClient());
        var account = await api.RegisterAsync();

        (await api.As(account).SendAsync(HttpMethod.Get, "/api/v1/deals", null, ("X-Request-Id", "proxy-7f3a-1"))).Status.ShouldBe(HttpStatusCode.OK);

        var line = capture.Entries.Last(e => e.Message.Contains("ListDealsQuery", StringComparison.Ordinal));
        line.Scope["request_id"].ShouldBe("proxy-7f3a-1");
        line.Scope["user_id"].ShouldBe(account.UserId.ToString());
        line.Scope["organization_id"].ShouldBe(account.OrganizationId.ToString());
        line.Scope["TraceId"].ShouldNotBeNullOrEmpty();
        capture.Entries.ShouldNotContain(e => e.Message.Contains(Api.DefaultPassword, StringComparison.Ordinal));
    }

    [Test]
    public async Task Readiness_reports_the_database_the_cache_and_the_jobs()
    {
        var reply = await NewApi().GetAsync("/health/ready");

        reply.Status.ShouldBe(HttpStatusCode.OK);
        ((string?)reply.Json["status"]).ShouldBe("healthy");
        foreach (var check in new[] { "database", "cache", "jobs" })
        {
            ((string?)reply.Json["checks"]![check]!["status"]).ShouldBe("healthy", check);
        }
    }

    [Test]
    public async Task Readiness_reports_the_database_pool_and_the_file_stores_free_disk_space_against_thresholds()
    {
        var reply = await NewApi().GetAsync("/health/ready");

        var pool = reply.Json["checks"]!["database_pool"]!;
        ((string?)pool["status"]).ShouldBe("healthy");
        ((long)pool["data"]!["connections_max"]!).ShouldBeGreaterThan(0);
        ((long)pool["data"]!["connections_in_use"]!).ShouldBeGreaterThanOrEqualTo(0);
        ((long)reply.Json["checks"]!["disk"]!["data"]!["free_megabytes"]!).ShouldBeGreaterThan(0);

        await using var full = new CrmApiFactory(
            Testing.Database.ConnectionString,
            settings: new Dictionary<string, string?>
            {
                ["Readiness:DiskFreeDegradedMegabytes"] = long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Readiness:DiskFreeUnhealthyMegabytes"] = long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Readiness:PoolBusyDegradedPercent"] = "0",
            });
        var unready = await new Api(full.CreateClient()).GetAsync("/health/ready");

        unready.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        ((string?)unready.Json["status"]).ShouldBe("unhealthy");
        ((string?)unready.Json["checks"]!["disk"]!["status"]).ShouldBe("unhealthy");
        ((string?)unready.Json["checks"]!["database_pool"]!["status"]).ShouldBe("degraded");
    }

    [Test]
    public async Task A_cache_that_is_down_makes_the_service_degraded_not_unready()
    {
        await using var broken = new CrmApiFactory(
            Testing.Database.ConnectionString,
            settings: new Dictionary<string, string?> { ["Caching:Redis"] = TestRedis.Unreachable, ["Caching:Timeout"] = "00:00:00.100" });

        var reply = await new Api(broken.CreateClient()).GetAsync("/health/ready");

        reply.Status.ShouldBe(HttpStatusCode.OK);
        ((string?)reply.Json["status"]).ShouldBe("degraded");
        ((string?)reply.Json["checks"]!["cache"]!["status"]).ShouldBe("degraded");
        ((string?)reply.Json["checks"]!["database"]!["status"]).ShouldBe("healthy");
    }

    /// <summary>An OTLP/HTTP receiver on loopback that keeps what it is sent.</summary>
    private sealed class OtlpCollector : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly ConcurrentDictionary<string, ConcurrentBag<byte[]>> _received = new();

        public OtlpCollector()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Endpoint = $"http://127.0.0.1:{port}";
            _listener.Prefixes.Add(Endpoint + "/");
            _listener.Start();
            _ = Task.Run(ReceiveAsync);
        }

        public string Endpoint { get; }

        public string Received(string path) =>
            Encoding.UTF8.GetString(_received.GetValueOrDefault(path)?.SelectMany(b => b).ToArray() ?? []);

        public void Dispose() => _listener.Close();

        private async Task ReceiveAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception) when (!_listener.IsListening)
                {
                    return;
                }

                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                _received.GetOrAdd(context.Request.Url!.AbsolutePath, _ => []).Add(body.ToArray());
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        }
    }

    /// <summary>Keeps every log line with the key-values of its scopes.</summary>
    private sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<(string Message, Dictionary<string, string?> Scope)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider provider) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => provider._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scope = new Dictionary<string, string?>();
                provider._scopes.ForEachScope(
                    (value, values) =>
                    {
                        if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
                        {
                            foreach (var (key, item) in pairs)
                            {
                                values[key] = item?.ToString();
                            }
                        }
                    },
                    scope);
                provider.Entries.Enqueue((formatter(state, exception), scope));
            }
        }
    }
}
