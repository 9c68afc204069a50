using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Crm.TestSupport;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

/// <summary>The real service process, stopped with SIGTERM while it serves requests and holds an email's lease.</summary>
public sealed class GracefulShutdownTests
{
    [Test]
    public async Task Sigterm_under_load_finishes_every_accepted_request_hands_back_its_leases_and_exits_0()
    {
        await using var database = await TestDatabase.CreateAsync("crm_test_shutdown");
        // An SMTP server that accepts connections and never greets: the dispatcher holds its email's lease meanwhile.
        using var silentSmtp = new TcpListener(IPAddress.Loopback, 0);
        silentSmtp.Start();
        var held = new List<TcpClient>();
        _ = Task.Run(async () =>
        {
            while (true)
            {
                try
                {
                    held.Add(await silentSmtp.AcceptTcpClientAsync());
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException)
                {
                    return;
                }
            }
        });
        var port = FreePort();
        var output = new System.Text.StringBuilder();
        using var service = new Process
        {
            StartInfo = new ProcessStartInfo("dotnet", [RepositoryFiles.ServiceAssembly(), "serve", "--urls", $"http://127.0.0.1:{port}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment =
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Development",
                    ["ConnectionStrings__Crm"] = database.ConnectionString,
                    ["Auth__SigningKeys__0"] = TestKeys.Primary,
                    ["Auth__EncryptionKeys__0"] = TestKeys.Encryption,
                    ["RateLimits__Enabled"] = "false",
                    ["Email__Transport"] = "smtp",
                    ["Email__SmtpHost"] = "127.0.0.1",
                    ["Email__SmtpPort"] = ((IPEndPoint)silentSmtp.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["Email__PollInterval"] = "00:00:00.200",
                    ["Files__LocalRoot"] = Path.Combine(Path.GetTempPath(), $"crm-test-files-{Guid.NewGuid():N}"),
                    ["Shutdown__Timeout"] = "00:01:00",
                    ["DOTNET_NOLOGO"] = "1",
                },
            },
        };
        service.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        service.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        service.Start();
        service.BeginOutputReadLine();
        service.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(90) };
            await WaitUntilAsync(async () => (await TryGetAsync(http, "/health/live")) == HttpStatusCode.OK, "the service to start", output);
            (await RegisterAsync(http, 0)).ShouldBe(HttpStatusCode.Created);
            await WaitUntilAsync(
                async () => await CountAsync(database, "SELECT count(*) FROM outbox_messages WHERE status = 'sending'") > 0,
                "the dispatcher to take an email", output);

            // One open connection per request first, so that none of them is still connecting when the signal comes.
            await Task.WhenAll(Enumerable.Range(1, 24).Select(_ => TryGetAsync(http, "/health/live")));

            // Requests sent well before the signal have been accepted: every one of them must be answered.
            var accepted = Enumerable.Range(1, 24).Select(i => RegisterAsync(http, i)).ToList();
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            var answeredBeforeSignal = accepted.Count(t => t.IsCompleted);
            using (var kill = Process.Start("kill", ["-TERM", service.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            // More load after the signal: refused or answered, never left hanging.
            var late = Enumerable.Range(100, 8).Select(i => TryRegisterAsync(http, i)).ToList();
            var statuses = await Task.WhenAll(accepted);
            await Task.WhenAll(late);
            await Task.WhenAny(service.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(90)));

            TestContext.Out.WriteLine($"{accepted.Count - answeredBeforeSignal} of {accepted.Count} requests were in flight at SIGTERM.");
            statuses.ShouldAllBe(s => s == HttpStatusCode.Created, output.ToString());
            service.HasExited.ShouldBeTrue(output.ToString());
            service.ExitCode.ShouldBe(0, output.ToString());
            (await CountAsync(database, "SELECT count(*) FROM outbox_messages WHERE status = 'sending' OR locked_until IS NOT NULL")).ShouldBe(0);
            (await CountAsync(database, "SELECT count(*) FROM outbox_messages WHERE status = 'pending'")).ShouldBeGreaterThan(0);
            (await CountAsync(database, "SELECT count(*) FROM webhook_deliveries WHERE status = 'sending' OR locked_until IS NOT NULL")).ShouldBe(0);
            (await CountAsync(database, "SELECT count(*) FROM import_jobs WHERE status = 'running' OR locked_until IS NOT NULL")).ShouldBe(0);
            (await CountAsync(database, "SELECT count(*) FROM export_jobs WHERE status = 'running' OR locked_until IS NOT NULL")).ShouldBe(0);
        }
        finally
        {
            if (!service.HasExited)
            {
                service.Kill(entireProcessTree: true);
            }

            await service.WaitForExitAsync();
            silentSmtp.Stop();
            held.ForEach(c => c.Dispose());
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private static async Task<HttpStatusCode> RegisterAsync(HttpClient http, int n)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/register")
        {
            Content = JsonContent.Create(new
            {
                email = $"shutdown{n}-{Guid.NewGuid():N}@example.com",
                password = Api.DefaultPassword,
                name = $"Person {n}",
                organization_name = $"Org {n}",
            }),
        };
        request.Headers.ConnectionClose = true;
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task TryRegisterAsync(HttpClient http, int n)
    {
        try
        {
            await RegisterAsync(http, n);
        }
        catch (HttpRequestException)
        {
            // Refused: the service no longer accepts connections.
        }
    }

    private static async Task<HttpStatusCode?> TryGetAsync(HttpClient http, string path)
    {
        try
        {
            using var response = await http.GetAsync(path);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static async Task<long> CountAsync(TestDatabase database, string sql) => await database.ScalarAsync<long>(sql);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, System.Text.StringBuilder output)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(300);
        }

        Assert.Fail($"Waited in vain for {what}. Output: {output}");
    }
}
