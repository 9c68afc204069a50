using System.Net.Http.Headers;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests.Fuzzing;

/// <summary>
/// One malformed request: a target (path and raw, already percent-encoded query), raw body bytes, and headers that
/// replace the caller's own (<c>null</c> value: leave the header out).
/// </summary>
public sealed record FuzzRequest(OpenApiOperation Operation, string Variant, string Target, byte[]? Body, string? ContentType)
{
    public IReadOnlyList<KeyValuePair<string, string?>> Headers { get; init; } = [];

    /// <summary>The method sent, when a variant sends another than the operation's.</summary>
    public string? Method { get; init; }

    /// <summary>Whether no answer but an error is right (a value outside its documented enum, for instance).</summary>
    public bool MustBeRefused { get; init; }

    public override string ToString() =>
        $"{Method ?? Operation.Method} {Shorten(Target)} [{Variant}]{(Body is null ? "" : $" body: {Shorten(System.Text.Encoding.UTF8.GetString(Body))}")}";

    /// <summary>The request as <paramref name="token"/> in <paramref name="organization"/>, unless a variant says otherwise.</summary>
    public HttpRequestMessage ToMessage(string token, Guid organization, string clientAddress)
    {
        var request = new HttpRequestMessage(new HttpMethod(Method ?? Operation.Method), Target);
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        var replaced = Headers.Select(h => h.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!replaced.Contains("Authorization"))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (!replaced.Contains("X-Organization-Id"))
        {
            request.Headers.Add("X-Organization-Id", organization.ToString());
        }

        request.Headers.Add(CrmApiFactory.ClientAddressHeader, clientAddress);
        foreach (var (name, value) in Headers.Where(h => h.Value is not null))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : $"{text[..150]}…({text.Length} chars)";
}
