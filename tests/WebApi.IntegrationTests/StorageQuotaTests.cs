using System.Net;
using System.Security.Cryptography;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

public sealed class StorageQuotaTests : ApiTest
{
    private static byte[] Png(int size) => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. RandomNumberGenerator.GetBytes(size - 8)];

    [Test]
    public async Task Uploads_running_at_once_cannot_together_pass_the_quota()
    {
        await using var tiny = new CrmApiFactory(Testing.Database.ConnectionString, settings: new Dictionary<string, string?> { ["Files:Quotas:Free"] = "10000" });
        var api = new Api(tiny.CreateClient());
        var owner = api.As(await api.RegisterAsync());
        var contact = await owner.CreateContactAsync();

        // Each fits alone, three fit together, eight do not.
        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            owner.UploadAsync($"/api/v1/contacts/{contact}/attachments", Png(3000), $"part-{i}.png", "image/png")));

        replies.Count(r => r.Status == HttpStatusCode.Created).ShouldBe(3, string.Join("\n", replies.Select(r => r.Text)));
        foreach (var refused in replies.Where(r => r.Status != HttpStatusCode.Created))
        {
            refused.ShouldBeProblem(HttpStatusCode.Conflict, "storage_quota_exceeded");
        }

        (await Testing.Database.ScalarAsync<long>("SELECT coalesce(sum(size), 0)::bigint FROM attachments")).ShouldBe(9000);
        var organization = await owner.GetAsync($"/api/v1/organizations/{owner.OrganizationId}");
        ((long?)organization.Json["storage_used_bytes"]).ShouldBe(9000);
        ((long?)organization.Json["storage_quota_bytes"]).ShouldBe(10000);
        // The refused uploads' content, stored before the final count, went with their rollback.
        Directory.GetFiles(tiny.FilesFolder, "*", SearchOption.AllDirectories).Length.ShouldBe(3);
    }

    [Test]
    public async Task A_file_past_the_quota_is_refused_before_anything_is_stored_and_deleting_files_frees_space()
    {
        await using var tiny = new CrmApiFactory(Testing.Database.ConnectionString, settings: new Dictionary<string, string?> { ["Files:Quotas:Free"] = "5000" });
        var api = new Api(tiny.CreateClient());
        var owner = api.As(await api.RegisterAsync());
        var deal = await owner.CreateDealAsync();
        var path = $"/api/v1/deals/{deal}/attachments";
        var first = await owner.UploadAsync(path, Png(4000), "first.png", "image/png");
        first.Status.ShouldBe(HttpStatusCode.Created, first.Text);

        var refused = await owner.UploadAsync(path, Png(1001), "second.png", "image/png");

        refused.ShouldBeProblem(HttpStatusCode.Conflict, "storage_quota_exceeded");
        ((string?)refused.Json["detail"]).ShouldBe("4000 of the organization's 5000 bytes are in use; this file needs 1001 more.");
        Directory.GetFiles(tiny.FilesFolder, "*", SearchOption.AllDirectories).Length.ShouldBe(1);
        (await owner.UploadAsync(path, Png(1000), "exact.png", "image/png")).Status.ShouldBe(HttpStatusCode.Created);

        (await owner.DeleteAsync($"/api/v1/attachments/{(string)first.Json["id"]!}")).Status.ShouldBe(HttpStatusCode.NoContent);
        (await owner.DeleteAsync($"/api/v1/deals/{deal}")).Status.ShouldBe(HttpStatusCode.NoContent);

        var organization = await owner.GetAsync($"/api/v1/organizations/{owner.OrganizationId}");
        ((long?)organization.Json["storage_used_bytes"]).ShouldBe(0);
        (await owner.UploadAsync($"/api/v1/deals/{await owner.CreateDealAsync()}/attachments", Png(5000), "again.png", "image/png"))
            .Status.ShouldBe(HttpStatusCode.Created);
    }

    [Test]
    public async Task Every_organization_object_shows_its_own_storage_by_plan()
    {
        var api = NewApi();
        var mine = api.As(await api.RegisterAsync());
        var theirs = api.As(await api.RegisterAsync());
        var contact = await mine.CreateContactAsync();
        (await mine.UploadAsync($"/api/v1/contacts/{contact}/attachments", Png(2500), "a.png", "image/png")).Status.ShouldBe(HttpStatusCode.Created);
        await theirs.UploadAsync($"/api/v1/contacts/{await theirs.CreateContactAsync()}/attachments", Png(4000), "b.png", "image/png");
        var second = await mine.PostAsync("/api/v1/organizations", new { name = "Second" });
        await Testing.Database.ScalarAsync<int>($"UPDATE organizations SET plan = 'pro' WHERE id = '{mine.OrganizationId}' RETURNING 1");

        var one = await mine.GetAsync($"/api/v1/organizations/{mine.OrganizationId}");
        var renamed = await mine.PatchAsync($"/api/v1/organizations/{mine.OrganizationId}", new { name = "Renamed" });
        var listed = (await mine.GetAsync("/api/v1/organizations/me")).Json["items"]!.AsArray();

        ((long?)one.Json["storage_used_bytes"]).ShouldBe(2500);
        ((long?)one.Json["storage_quota_bytes"]).ShouldBe(50L << 30);
        ((long?)renamed.Json["storage_used_bytes"]).ShouldBe(2500);
        ((long?)second.Json["storage_used_bytes"]).ShouldBe(0);
        ((long?)second.Json["storage_quota_bytes"]).ShouldBe(1L << 30);
        listed.Select(o => ((string?)o!["name"], (long?)o["storage_used_bytes"], (long?)o["storage_quota_bytes"]))
            .ShouldBe([("Renamed", 2500L, 50L << 30), ("Second", 0L, 1L << 30)], ignoreOrder: true);
    }
}
