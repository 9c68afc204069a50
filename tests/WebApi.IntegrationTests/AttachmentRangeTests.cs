using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

/// <summary>Byte ranges of a file's content: served as asked, and a range past the end answered as a problem.</summary>
public sealed class AttachmentRangeTests : ApiTest
{
    [TestCase(10L, null)]
    [TestCase(5L, 9L)]
    public async Task A_range_past_the_end_is_a_416_problem_giving_the_length(long from, long? to)
    {
        var (api, content) = await FileAsync("hello");

        var (status, body, response) = await api.GetBytesAsync(content, h => h.Range = new RangeHeaderValue(from, to));

        status.ShouldBe(HttpStatusCode.RequestedRangeNotSatisfiable);
        new Reply(status, Encoding.UTF8.GetString(body), response.Headers, response.Content.Headers)
            .ShouldBeProblem(HttpStatusCode.RequestedRangeNotSatisfiable, "range_not_satisfiable");
        response.Content.Headers.ContentRange?.ToString().ShouldBe("bytes */5");
    }

    [Test]
    public async Task A_range_inside_the_file_is_served_partially()
    {
        var (api, content) = await FileAsync("hello");

        var (status, body, response) = await api.GetBytesAsync(content, h => h.Range = new RangeHeaderValue(1, 3));

        status.ShouldBe(HttpStatusCode.PartialContent);
        Encoding.UTF8.GetString(body).ShouldBe("ell");
        response.Content.Headers.ContentRange?.ToString().ShouldBe("bytes 1-3/5");
    }

    [Test]
    public async Task A_range_header_that_does_not_parse_is_ignored_and_the_whole_file_sent()
    {
        var (api, content) = await FileAsync("hello");

        var (status, body, _) = await api.GetBytesAsync(content, h => h.TryAddWithoutValidation("Range", "bytes=abc"));

        status.ShouldBe(HttpStatusCode.OK);
        Encoding.UTF8.GetString(body).ShouldBe("hello");
    }

    private static async Task<(Api Api, string Content)> FileAsync(string text)
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var contact = await api.As(owner).CreateContactAsync();
        var uploaded = await api.As(owner).UploadAsync($"/api/v1/contacts/{contact}/attachments", Encoding.UTF8.GetBytes(text), "hello.txt", "text/plain");
        uploaded.Status.ShouldBe(HttpStatusCode.Created, uploaded.Text);
        return (api.As(owner), $"/api/v1/attachments/{uploaded["id"]}/content");
    }
}
