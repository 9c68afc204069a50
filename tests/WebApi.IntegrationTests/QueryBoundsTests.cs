using System.Net;
using System.Text.Json.Nodes;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

public sealed class QueryBoundsTests : ApiTest
{
    private static string Stamp(DateTime time) => Uri.EscapeDataString(time.ToString("O"));

    [Test]
    public async Task Search_text_is_at_most_200_characters()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());

        (await api.GetAsync($"/api/v1/search?q={new string('a', 200)}")).Status.ShouldBe(HttpStatusCode.OK);
        ShouldName(await api.GetAsync($"/api/v1/search?q={new string('a', 201)}"), "q");
        ShouldName(await api.GetAsync($"/api/v1/contacts?search={new string('a', 201)}"), "search");
    }

    [Test]
    public async Task A_repeatable_filter_takes_at_most_20_values()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        string Statuses(int n) => string.Join('&', Enumerable.Range(0, n).Select(i => $"status={(i % 2 == 0 ? "new" : "won")}"));
        string Types(int n) => string.Join(',', Enumerable.Range(0, n).Select(_ => "deal"));

        (await api.GetAsync($"/api/v1/deals?{Statuses(20)}")).Status.ShouldBe(HttpStatusCode.OK);
        ShouldName(await api.GetAsync($"/api/v1/deals?{Statuses(21)}"), "status");
        (await api.GetAsync($"/api/v1/search?q=ada&types={Types(20)}")).Status.ShouldBe(HttpStatusCode.OK);
        ShouldName(await api.GetAsync($"/api/v1/search?q=ada&types={Types(21)}"), "types");
    }

    [Test]
    public async Task An_export_covers_at_most_366_days()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        await api.CreateContactAsync();
        var now = DateTime.UtcNow;
        const string export = "/api/v1/audit-logs/export?format=json";

        (await api.GetAsync($"{export}&from={Stamp(now.AddDays(-366))}&to={Stamp(now)}")).Status.ShouldBe(HttpStatusCode.OK);
        ShouldName(await api.GetAsync($"{export}&from={Stamp(now.AddDays(-367))}&to={Stamp(now)}"), "from");
        ShouldName(await api.GetAsync($"{export}&from={Stamp(now.AddDays(-400))}"), "from");

        // Without from, the period is the 366 days before to: today's entries are in it for to=tomorrow, not for a
        // to 400 days ahead.
        Rows(await api.GetAsync($"{export}&to={Stamp(now.AddDays(1))}")).ShouldContain(r => (string?)r!["action"] == "create_contact");
        Rows(await api.GetAsync($"{export}&to={Stamp(now.AddDays(400))}")).ShouldBeEmpty();
    }

    private static JsonArray Rows(Reply reply)
    {
        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        return JsonNode.Parse(reply.Text)!.AsArray();
    }

    private static void ShouldName(Reply reply, string parameter)
    {
        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        reply.Json["errors"]!.AsObject().Select(e => e.Key).ShouldBe([parameter], reply.Text);
    }
}
