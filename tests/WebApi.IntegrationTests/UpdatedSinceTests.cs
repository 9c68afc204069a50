using System.Net;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

public sealed class UpdatedSinceTests : ApiTest
{
    [TestCase("contacts")]
    [TestCase("deals")]
    [TestCase("tasks")]
    public async Task Updated_since_lists_only_records_changed_at_or_after_that_time(string resource)
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var (changed, untouched, patch) = await TwoRecordsAsync(api, resource);
        (await api.PatchAsync($"/api/v1/{resource}/{changed}", patch)).Status.ShouldBe(HttpStatusCode.OK);
        // The stored time, as the list compares stored times.
        var since = (string)(await api.GetAsync($"/api/v1/{resource}/{changed}")).Json["updated_at"]!;

        var listed = await IdsAsync(api, $"/api/v1/{resource}?updated_since={Uri.EscapeDataString(since)}");
        var all = await IdsAsync(api, $"/api/v1/{resource}");

        listed.ShouldBe([changed]);
        all.ShouldBe([changed, untouched], ignoreOrder: true);
    }

    [Test]
    public async Task Updated_since_reads_an_offset_and_a_time_without_zone_as_utc()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var contact = await api.CreateContactAsync();
        var stored = DateTime.Parse(
            (string)(await api.GetAsync($"/api/v1/contacts/{contact}")).Json["updated_at"]!,
            System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal);

        // One hour ahead of UTC, an hour later on the clock: the same instant.
        var withOffset = stored.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+01:00'", System.Globalization.CultureInfo.InvariantCulture);
        var withoutZone = stored.AddSeconds(1).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture);

        (await IdsAsync(api, $"/api/v1/contacts?updated_since={Uri.EscapeDataString(withOffset)}")).ShouldBe([contact]);
        (await IdsAsync(api, $"/api/v1/contacts?updated_since={Uri.EscapeDataString(withoutZone)}")).ShouldBeEmpty();
    }

    [TestCase("contacts", "yesterday")]
    [TestCase("deals", "2026-13-01T00:00:00Z")]
    [TestCase("tasks", "1700000000")]
    public async Task An_updated_since_that_is_not_an_iso_8601_time_answers_400_naming_it(string resource, string value)
    {
        var api = NewApi().As(await NewApi().RegisterAsync());

        var reply = await api.GetAsync($"/api/v1/{resource}?updated_since={Uri.EscapeDataString(value)}");

        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        reply.ErrorsOf("updated_since").ShouldNotBeEmpty();
    }

    private static async Task<(Guid Changed, Guid Untouched, object Patch)> TwoRecordsAsync(Api api, string resource)
    {
        switch (resource)
        {
            case "contacts":
                return (await api.CreateContactAsync("First"), await api.CreateContactAsync("Second"), new { name = "First, renamed" });
            case "deals":
                var contact = await api.CreateContactAsync();
                return (await api.CreateDealAsync(contact, "First"), await api.CreateDealAsync(contact, "Second"), new { title = "First, renamed" });
            default:
                var deal = await api.CreateDealAsync();
                return (await api.CreateTaskAsync(deal, "First"), await api.CreateTaskAsync(deal, "Second"), new { title = "First, renamed" });
        }
    }

    private static async Task<List<Guid>> IdsAsync(Api api, string path)
    {
        var reply = await api.GetAsync(path);
        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        return reply.Json["items"]!.AsArray().Select(i => Guid.Parse((string)i!["id"]!)).ToList();
    }
}
