using System.Security.Cryptography;
using Crm.Infrastructure.Storage;
using Crm.TestSupport;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.IntegrationTests;

public sealed class FileStorageTests
{
    [Test]
    public async Task S3_stores_the_bytes_intact_and_hands_them_out_through_a_presigned_link()
    {
        using var storage = new S3FileStorage(Options.Create(new StorageOptions
        {
            Storage = "s3",
            S3ServiceUrl = TestServers.S3Url,
            S3Bucket = "crm-files",
            S3AccessKey = "S3RVER",
            S3SecretKey = "S3RVER",
        }));
        var bytes = RandomNumberGenerator.GetBytes(300_000);
        var key = $"{Guid.NewGuid():N}/{Guid.NewGuid():N}";

        await storage.SaveAsync(key, new MemoryStream(bytes), bytes.Length, "application/pdf", CancellationToken.None);
        var link = (await storage.OpenAsync(key, "contract.pdf", "application/pdf", CancellationToken.None)).Link!;

        using var http = new HttpClient();
        using var response = await http.GetAsync(link);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
        response.Content.Headers.ContentDisposition!.FileName!.ShouldContain("contract.pdf");

        await storage.DeleteAsync(key, CancellationToken.None);
        (await http.GetAsync(link)).IsSuccessStatusCode.ShouldBeFalse();
    }

    [Test]
    public async Task Local_storage_keeps_files_under_its_root_and_refuses_keys_that_are_not_ids()
    {
        var root = Path.Combine(Path.GetTempPath(), $"crm-files-{Guid.NewGuid():N}");
        var storage = new LocalFileStorage(Options.Create(new StorageOptions { LocalRoot = root }));
        var key = $"{Guid.NewGuid():N}/{Guid.NewGuid():N}";

        await storage.SaveAsync(key, new MemoryStream([1, 2, 3]), 3, "text/plain", CancellationToken.None);
        await using (var stream = (await storage.OpenAsync(key, "a.txt", "text/plain", CancellationToken.None)).Stream!)
        {
            stream.ReadByte().ShouldBe(1);
        }

        await storage.DeleteAsync(key, CancellationToken.None);
        File.Exists(Path.Combine(root, key)).ShouldBeFalse();
        await Should.ThrowAsync<ArgumentException>(() => storage.SaveAsync("../escape", new MemoryStream([1]), 1, "text/plain", CancellationToken.None));
        Directory.Delete(root, recursive: true);
    }
}
