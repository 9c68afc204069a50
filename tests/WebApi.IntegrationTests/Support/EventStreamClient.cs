using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Crm.WebApi.IntegrationTests.Support;

/// <summary>A reader of the notification event stream (text/event-stream), one event at a time.</summary>
public sealed class EventStreamClient : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private EventStreamClient(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _reader = new StreamReader(body);
    }

    public HttpResponseMessage Response => _response;

    /// <summary>
    /// Opens the stream with the token in the access_token query parameter (as EventSource must), or answers the refusal.
    /// </summary>
    public static async Task<(EventStreamClient? Stream, HttpResponseMessage Response)> OpenAsync(
        HttpClient client, string token, string? lastEventId = null, Guid? organizationId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/notifications/stream?access_token={Uri.EscapeDataString(token)}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        }

        if (organizationId is { } organization)
        {
            request.Headers.Add("X-Organization-Id", organization.ToString());
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (null, response);
        }

        return (new EventStreamClient(response, await response.Content.ReadAsStreamAsync()), response);
    }

    /// <summary>The next event (comments and the retry field skipped); null when the stream has ended.</summary>
    public async Task<StreamEvent?> NextAsync()
    {
        using var timeout = new CancellationTokenSource(LiveClient.Patience);
        string? id = null, name = null, data = null;
        while (await _reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Length == 0)
            {
                if (data is not null)
                {
                    return new StreamEvent(id, name, JsonNode.Parse(data)!);
                }

                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var (field, value) = colon < 0 ? (line, string.Empty) : (line[..colon], line[(colon + 1)..].TrimStart(' '));
            switch (field)
            {
                case "id":
                    id = value;
                    break;
                case "event":
                    name = value;
                    break;
                case "data":
                    data = value;
                    break;
            }
        }

        return null;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _response.Dispose();
    }
}
