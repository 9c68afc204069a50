using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Crm.Domain.Errors;

namespace Crm.WebApi.IntegrationTests.Support;

/// <summary>
/// A client of the HTTP contract: request bodies are written with the wire's own snake_case names and answers
/// are read as JSON, so that tests check what clients see rather than the service's own types.
/// </summary>
public sealed class Api(HttpClient client)
{
    public const string DefaultPassword = "correct-horse-battery-staple";

    public string? Token { get; init; }

    public Guid? OrganizationId { get; init; }

    public string? ClientAddress { get; init; }

    public Api WithToken(string? token) => new(client) { Token = token, OrganizationId = OrganizationId, ClientAddress = ClientAddress };

    public Api InOrganization(Guid? organizationId) => new(client) { Token = Token, OrganizationId = organizationId, ClientAddress = ClientAddress };

    public Api From(string clientAddress) => new(client) { Token = Token, OrganizationId = OrganizationId, ClientAddress = clientAddress };

    public Task<Reply> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<Reply> PostAsync(string path, object? body = null) => SendAsync(HttpMethod.Post, path, body);

    public Task<Reply> PatchAsync(string path, object body) => SendAsync(HttpMethod.Patch, path, body);

    public Task<Reply> PutAsync(string path, object body) => SendAsync(HttpMethod.Put, path, body);

    public Task<Reply> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    /// <summary>Uploads bytes as the multipart field <c>file</c>.</summary>
    public Task<Reply> UploadAsync(string path, byte[] bytes, string fileName, string? contentType)
    {
        var file = new ByteArrayContent(bytes);
        if (contentType is not null)
        {
            file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        return SendAsync(HttpMethod.Post, path, new MultipartFormDataContent { { file, "file", fileName } });
    }

    /// <summary>Sends a GET with extra headers and answers the raw response (bytes, status, headers).</summary>
    public async Task<(HttpStatusCode Status, byte[] Body, HttpResponseMessage Response)> GetBytesAsync(string path, Action<HttpRequestHeaders>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = Token is null ? null : new AuthenticationHeaderValue("Bearer", Token);
        if (OrganizationId is { } organizationId)
        {
            request.Headers.Add("X-Organization-Id", organizationId.ToString());
        }

        headers?.Invoke(request.Headers);
        var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync(), response);
    }

    public Task<Reply> SendRawAsync(HttpMethod method, string path, string content) =>
        SendAsync(method, path, new StringContent(content, Encoding.UTF8, "application/json"));

    /// <summary>Registers a new user with its own organization; fails the test unless the service answers 201.</summary>
    public async Task<Account> RegisterAsync(
        string? email = null, string password = DefaultPassword, string name = "Test User", string organization = "Test Org")
    {
        email ??= $"user-{Guid.NewGuid():N}@example.com";
        var reply = await PostAsync("/api/v1/auth/register", new { email, password, name, organization_name = organization });
        reply.Status.ShouldBe(HttpStatusCode.Created, reply.Text);
        return Account.From(reply.Json, email, password);
    }

    public async Task<Account> LoginAsync(string email, string password = DefaultPassword)
    {
        var reply = await PostAsync("/api/v1/auth/login", new { email, password });
        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        return Account.From(reply.Json, email, password);
    }

    /// <summary>Proves the account's address through the link of its newest verification email.</summary>
    public async Task VerifyEmailAsync(Account account)
    {
        var token = await OutboxLinks.TokenAsync("email_verification", account.Email);
        var reply = await PostAsync("/api/v1/auth/verify-email", new { token });
        reply.Status.ShouldBe(HttpStatusCode.NoContent, reply.Text);
    }

    /// <summary>This client acting as <paramref name="account"/> in its own first organization.</summary>
    public Api As(Account account, Guid? organizationId = null) =>
        new(client) { Token = account.AccessToken, OrganizationId = organizationId ?? account.OrganizationId, ClientAddress = ClientAddress };

    /// <summary>Sends a request with extra headers (conditions, idempotency keys) as this client.</summary>
    public async Task<Reply> SendAsync(HttpMethod method, string path, object? body, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Content = body switch
        {
            null => null,
            HttpContent content => content,
            _ => JsonContent.Create(body),
        };
        if (Token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        }

        if (OrganizationId is { } organizationId)
        {
            request.Headers.Add("X-Organization-Id", organizationId.ToString());
        }

        if (ClientAddress is not null)
        {
            request.Headers.Add(CrmApiFactory.ClientAddressHeader, ClientAddress);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, text, response.Headers, response.Content.Headers);
    }
}

/// <summary>An HTTP answer: status, headers and body.</summary>
public sealed record Reply(HttpStatusCode Status, string Text, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders)
{
    public JsonNode Json => JsonNode.Parse(Text) ?? throw new InvalidOperationException("Empty body.");

    public string? this[string property] => Json[property]?.ToString();

    /// <summary>Asserts an RFC 9457 problem answer with the given status and stable code.</summary>
    public Reply ShouldBeProblem(HttpStatusCode status, string code)
    {
        Status.ShouldBe(status, Text);
        ContentHeaders.ContentType?.MediaType.ShouldBe("application/problem+json");
        var json = Json;
        ((string?)json["code"]).ShouldBe(code, Text);
        ((int?)json["status"]).ShouldBe((int)status);
        ((string?)json["type"]).ShouldBe($"https://crm.dev/errors/{code}");
        // The problem writer answers every code with its catalog entry: the same status and title every time.
        var entry = ErrorCatalog.All.SingleOrDefault(e => e.Code == code && e.Status == (int)status);
        entry.ShouldNotBeNull($"{code} ({(int)status}) is not in the error catalog");
        ((string?)json["title"]).ShouldBe(entry.Title);
        ((string?)json["trace_id"]).ShouldNotBeNullOrWhiteSpace();
        return this;
    }

    /// <summary>The validation errors of one snake_case field.</summary>
    public IReadOnlyList<string> ErrorsOf(string field) =>
        Json["errors"]?[field]?.AsArray().Select(e => e!.GetValue<string>()).ToList() ?? [];
}

/// <summary>A registered user as the token response described it.</summary>
public sealed record Account(
    string Email, string Password, Guid UserId, Guid OrganizationId, string AccessToken, string RefreshToken)
{
    public static Account From(JsonNode json, string email, string password) => new(
        email,
        password,
        Guid.Parse(json["user"]!["id"]!.GetValue<string>()),
        json["organizations"]!.AsArray().Count > 0
            ? Guid.Parse(json["organizations"]![0]!["id"]!.GetValue<string>())
            : Guid.Empty,
        json["access_token"]!.GetValue<string>(),
        json["refresh_token"]!.GetValue<string>());
}
