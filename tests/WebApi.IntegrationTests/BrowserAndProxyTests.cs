using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Crm.WebApi.Http;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

/// <summary>What browsers and proxies in front of the API see: security headers, request ids, compression, CORS, HSTS.</summary>
public sealed class BrowserAndProxyTests : ApiTest
{
    private const string AllowedPage = "http://127.0.0.1:5173";

    [Test]
    public async Task Every_answer_carries_the_security_headers_and_the_docs_page_its_own_policy()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();

        foreach (var path in new[] { "/api/v1/auth/me", "/api/v1/contacts/not-an-id", "/health/live" })
        {
            var answer = await api.As(owner).GetBytesAsync(path);
            var headers = answer.Response.Headers;
            Single(answer.Response, "X-Content-Type-Options").ShouldBe("nosniff", path);
            Single(answer.Response, "X-Frame-Options").ShouldBe("DENY", path);
            Single(answer.Response, "Referrer-Policy").ShouldBe("no-referrer", path);
            Single(answer.Response, "Cross-Origin-Opener-Policy").ShouldBe("same-origin", path);
            Single(answer.Response, "Content-Security-Policy").ShouldBe(SecurityHeadersMiddleware.ApiPolicy, path);
            headers.Contains("Strict-Transport-Security").ShouldBeFalse("HSTS is for HTTPS answers only");
        }

        await using var withDocs = new CrmApiFactory(Testing.Database.ConnectionString, settings: new Dictionary<string, string?> { ["OpenApi:DocsPage"] = "true" });
        var docs = await new Api(withDocs.CreateClient()).GetBytesAsync("/docs/index.html");
        docs.Status.ShouldBe(HttpStatusCode.OK);
        var policy = Single(docs.Response, "Content-Security-Policy");
        policy.ShouldBe(SecurityHeadersMiddleware.DocsPolicy);
        policy.ShouldContain("frame-ancestors 'none'");
        policy.ShouldNotContain("http");
    }

    [Test]
    public async Task A_sane_request_id_is_echoed_and_any_other_replaced_and_problems_carry_it()
    {
        var api = NewApi();

        var kept = await api.GetBytesAsync("/api/v1/auth/me", h => h.Add("X-Request-Id", "lb-7f3a.42:x_y"));
        Single(kept.Response, "X-Request-Id").ShouldBe("lb-7f3a.42:x_y");
        var problem = JsonNode.Parse(kept.Body)!;
        ((string?)problem["request_id"]).ShouldBe("lb-7f3a.42:x_y");
        ((string?)problem["trace_id"]).ShouldNotBeNullOrEmpty();

        foreach (var insane in new[] { new string('a', 129), "two words", "<script>", "-leading-dash" })
        {
            var replaced = await api.GetBytesAsync("/api/v1/auth/me", h => h.TryAddWithoutValidation("X-Request-Id", insane));
            var id = Single(replaced.Response, "X-Request-Id");
            id.ShouldNotBe(insane);
            id.ShouldMatch("^[0-9a-f]{32}$");
            ((string?)JsonNode.Parse(replaced.Body)!["request_id"]).ShouldBe(id);
        }

        var repeated = await api.GetBytesAsync("/api/v1/auth/me", h => h.Add("X-Request-Id", ["one", "two"]));
        Single(repeated.Response, "X-Request-Id").ShouldMatch("^[0-9a-f]{32}$");

        var first = Single((await api.GetBytesAsync("/health/live")).Response, "X-Request-Id");
        var second = Single((await api.GetBytesAsync("/health/live")).Response, "X-Request-Id");
        first.ShouldNotBe(second);
    }

    [TestCase("br", "br")]
    [TestCase("gzip", "gzip")]
    [TestCase("gzip;q=1, br;q=0.5", "gzip")]
    [TestCase("gzip, br", "br")]
    public async Task Large_json_is_compressed_in_the_encoding_the_client_prefers(string acceptEncoding, string expected)
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        for (var i = 0; i < 12; i++)
        {
            await api.CreateContactAsync($"Contact number {i} with a name long enough to matter");
        }

        var plain = await api.GetBytesAsync("/api/v1/contacts?page_size=50");
        plain.Response.Content.Headers.ContentEncoding.ShouldBeEmpty();
        plain.Body.Length.ShouldBeGreaterThan(ResponseCompressionMiddleware.Threshold);

        var compressed = await api.GetBytesAsync("/api/v1/contacts?page_size=50", h => h.TryAddWithoutValidation("Accept-Encoding", acceptEncoding));

        compressed.Status.ShouldBe(HttpStatusCode.OK);
        compressed.Response.Content.Headers.ContentEncoding.ShouldBe([expected]);
        compressed.Response.Headers.Vary.ShouldContain("Accept-Encoding");
        compressed.Body.Length.ShouldBeLessThan(plain.Body.Length);
        var json = Encoding.UTF8.GetString(Decompress(compressed.Body, expected));
        JsonNode.Parse(json)!["items"]!.AsArray().Count.ShouldBe(12);
    }

    [Test]
    public async Task Small_answers_files_and_clients_that_accept_no_compression_get_the_bytes_as_they_are()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var contact = await api.CreateContactAsync();
        var text = Encoding.UTF8.GetBytes("name,amount\n" + string.Concat(Enumerable.Repeat("Compressible row,100\n", 400)));
        var upload = await api.UploadAsync($"/api/v1/contacts/{contact}/attachments", text, "data.csv", "text/csv");
        upload.Status.ShouldBe(HttpStatusCode.Created, upload.Text);
        var file = (string)upload.Json["id"]!;

        var small = await api.GetBytesAsync($"/api/v1/contacts/{contact}", h => h.Add("Accept-Encoding", "br, gzip"));
        small.Response.Content.Headers.ContentEncoding.ShouldBeEmpty();
        small.Body.Length.ShouldBeLessThan(ResponseCompressionMiddleware.Threshold);
        JsonNode.Parse(small.Body)!["id"]!.ToString().ShouldBe(contact.ToString());

        var download = await api.GetBytesAsync($"/api/v1/attachments/{file}/content", h => h.Add("Accept-Encoding", "br, gzip"));
        download.Status.ShouldBe(HttpStatusCode.OK);
        download.Response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        download.Response.Content.Headers.ContentEncoding.ShouldBeEmpty();
        download.Body.ShouldBe(text);

        var identity = await api.GetBytesAsync("/api/v1/contacts?page_size=50", h => h.Add("Accept-Encoding", "identity, br;q=0"));
        identity.Response.Content.Headers.ContentEncoding.ShouldBeEmpty();
    }

    [Test]
    public async Task A_preflight_from_an_allowed_origin_answers_204_with_the_methods_and_headers()
    {
        await using var factory = CorsFactory();
        var client = factory.CreateClient();

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/contacts");
        preflight.Headers.Add("Origin", AllowedPage);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization, content-type, x-organization-id, if-match, if-none-match, idempotency-key, x-api-key");
        var answer = await client.SendAsync(preflight);

        answer.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        Single(answer, "Access-Control-Allow-Origin").ShouldBe(AllowedPage);
        Single(answer, "Access-Control-Allow-Methods").Split(',', StringSplitOptions.TrimEntries).ShouldContain("POST");
        var headers = Single(answer, "Access-Control-Allow-Headers").Split(',', StringSplitOptions.TrimEntries);
        headers.ShouldBe(["Authorization", "Content-Type", "X-Organization-Id", "If-Match", "If-None-Match", "Idempotency-Key", "X-Api-Key", "X-Request-Id"], ignoreOrder: true);
        answer.Headers.Contains("Access-Control-Allow-Credentials").ShouldBeFalse();
    }

    [TestCase("http://evil.example")]
    [TestCase("http://127.0.0.1.evil.example:5173")]
    [TestCase("https://127.0.0.1:5173")]
    [TestCase("null")]
    public async Task An_origin_not_allowed_gets_no_permission(string origin)
    {
        await using var factory = CorsFactory();
        var client = factory.CreateClient();

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/contacts");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        var answer = await client.SendAsync(preflight);

        answer.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
        using var simple = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        simple.Headers.Add("Origin", origin);
        (await client.SendAsync(simple)).Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }

    [Test]
    public async Task A_request_from_an_allowed_origin_may_read_the_headers_clients_need()
    {
        await using var factory = CorsFactory();
        var api = new Api(factory.CreateClient());
        var owner = await api.RegisterAsync();

        var answer = await api.As(owner).GetBytesAsync("/api/v1/contacts", h => h.Add("Origin", AllowedPage));

        answer.Status.ShouldBe(HttpStatusCode.OK);
        Single(answer.Response, "Access-Control-Allow-Origin").ShouldBe(AllowedPage);
        string[] needed = ["Location", "ETag", "Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "X-Request-Id", "Idempotent-Replayed"];
        needed.ShouldBeSubsetOf(Single(answer.Response, "Access-Control-Expose-Headers").Split(',', StringSplitOptions.TrimEntries));
    }

    [Test]
    public async Task Without_configured_origins_no_page_elsewhere_may_call()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/contacts");
        preflight.Headers.Add("Origin", AllowedPage);
        preflight.Headers.Add("Access-Control-Request-Method", "GET");

        var answer = await Testing.Factory.CreateClient().SendAsync(preflight);

        answer.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }

    [Test]
    public async Task Https_answers_carry_hsts_and_plain_http_is_redirected_when_asked()
    {
        await using var factory = new CrmApiFactory(Testing.Database.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Https:Redirect"] = "true",
            ["https_port"] = "443",
        });
        var secure = factory.CreateClient(new() { BaseAddress = new Uri("https://crm.example.test"), AllowAutoRedirect = false });
        var plain = factory.CreateClient(new() { BaseAddress = new Uri("http://crm.example.test"), AllowAutoRedirect = false });

        var overTls = await secure.GetAsync("/health/live");
        overTls.StatusCode.ShouldBe(HttpStatusCode.OK);
        Single(overTls, "Strict-Transport-Security").ShouldStartWith("max-age=31536000");

        var redirected = await plain.GetAsync("/api/v1/contacts");
        ((int)redirected.StatusCode).ShouldBeOneOf(307, 308);
        redirected.Headers.Location!.ToString().ShouldBe("https://crm.example.test/api/v1/contacts");
        redirected.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    [Test]
    public async Task A_trusted_proxy_that_terminated_tls_gets_hsts_and_no_redirect_and_anyone_else_cannot_claim_https()
    {
        await using var factory = new CrmApiFactory(Testing.Database.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Https:Redirect"] = "true",
            ["https_port"] = "443",
            ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.5",
        });
        var client = factory.CreateClient(new() { BaseAddress = new Uri("http://crm.example.test"), AllowAutoRedirect = false });

        async Task<HttpResponseMessage> ForwardedAsync(string peer)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
            request.Headers.Add(CrmApiFactory.ClientAddressHeader, peer);
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", "203.0.113.9");
            return await client.SendAsync(request);
        }

        var throughProxy = await ForwardedAsync("10.0.0.5");
        throughProxy.StatusCode.ShouldBe(HttpStatusCode.OK);
        Single(throughProxy, "Strict-Transport-Security").ShouldStartWith("max-age=");

        var claimed = await ForwardedAsync("198.51.100.7");
        ((int)claimed.StatusCode).ShouldBeOneOf(307, 308);
        claimed.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    [TestCase("http://localhost:3000", true)]
    [TestCase("http://LOCALHOST:1", true)]
    [TestCase("https://app.example.com", true)]
    [TestCase("https://app.example.com:8443", false)]
    [TestCase("http://localhost.evil.example:3000", false)]
    [TestCase("https://localhost:3000", false)]
    [TestCase("http://user@localhost:3000", false)]
    [TestCase("http://localhost:3000/path", false)]
    [TestCase("null", false)]
    public void An_origin_matches_an_exact_entry_or_a_host_with_any_port(string origin, bool allowed) =>
        CrossOriginAccess.IsAllowed(["http://localhost:*", "https://app.example.com/"], origin).ShouldBe(allowed);

    [TestCase("br", "br")]
    [TestCase("gzip, deflate", "gzip")]
    [TestCase("*", "br")]
    [TestCase("br;q=0, *;q=0.5", "gzip")]
    [TestCase("deflate", null)]
    [TestCase("", null)]
    [TestCase("gzip;q=0", null)]
    public void The_encoding_follows_the_clients_qualities(string acceptEncoding, string? expected) =>
        ResponseCompressionMiddleware.Negotiate(acceptEncoding).ShouldBe(expected);

    private static CrmApiFactory CorsFactory() =>
        new(Testing.Database.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Cors:AllowedOrigins:0"] = "http://127.0.0.1:*",
            ["Cors:AllowedOrigins:1"] = "https://app.example.com",
        });

    private static string Single(HttpResponseMessage response, string header) =>
        (response.Headers.TryGetValues(header, out var values) ? values : response.Content.Headers.GetValues(header)).ShouldHaveSingleItem();

    private static byte[] Decompress(byte[] body, string encoding)
    {
        using var input = new MemoryStream(body);
        using Stream decompressor = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decompressor.CopyToAsync(output).GetAwaiter().GetResult();
        return output.ToArray();
    }
}
