using System.Net;
using System.Security.Cryptography;
using Crm.Infrastructure.Backups;
using Crm.TestSupport;
using Crm.WebApi.Cli;
using Crm.WebApi.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Crm.WebApi.IntegrationTests;

/// <summary>Backups that restore: taken from the running service's database and files, restored elsewhere, served again.</summary>
public sealed class BackupTests : ApiTest
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8, .. RandomNumberGenerator.GetBytes(3_000)];

    private static string NewFolder() => Path.Combine(Path.GetTempPath(), $"crm-test-backup-{Guid.NewGuid():N}");

    /// <summary>Where restored files go: a lasting folder, as the service refuses a file store in the temporary folder.</summary>
    private static string NewFilesFolder() => Path.Combine(TestContext.CurrentContext.WorkDirectory, $"restored-files-{Guid.NewGuid():N}");

    private static async Task<BackupManifest> BackUpAsync(string folder)
    {
        await using var scope = Testing.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BackupWriter>().WriteAsync(folder, CancellationToken.None);
    }

    [Test]
    public async Task A_backup_restored_into_a_new_database_and_folder_has_the_same_counts_and_files_and_the_api_serves_it()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var contact = await api.As(owner).CreateContactAsync();
        var attachment = await api.As(owner).UploadAsync($"/api/v1/contacts/{contact}/attachments", Pdf, "offer.pdf", "application/pdf");
        attachment.Status.ShouldBe(HttpStatusCode.Created, attachment.Text);
        var backup = NewFolder();
        var files = NewFilesFolder();

        var manifest = await BackUpAsync(backup);

        manifest.Tables["contacts"].ShouldBe(1);
        manifest.Tables["attachments"].ShouldBe(1);
        manifest.Files.Count.ShouldBe(1);
        manifest.Files[0].Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Pdf)));
        manifest.SchemaVersion.ShouldNotBeNullOrEmpty();
        (await CrmCommandLine.InvokeAsync(["verify-backup", backup])).ShouldBe(0);

        var target = await TestDatabase.RecreateAsync("crm_test_restored");
        (await CrmCommandLine.InvokeAsync(["restore", "--from", backup, "--to", target, "--files-to", files])).ShouldBe(0);

        await using (var connection = new NpgsqlConnection(target))
        {
            await connection.OpenAsync();
            (await BackupSnapshot.CountRowsAsync(connection, null, CancellationToken.None)).ShouldBe(manifest.Tables);
        }

        // Restoring again over the restored database is refused without --force, and accepted with it.
        (await CrmCommandLine.InvokeAsync(["restore", "--from", backup, "--to", target, "--files-to", NewFilesFolder()])).ShouldBe(1);
        (await CrmCommandLine.InvokeAsync(["restore", "--from", backup, "--to", target, "--files-to", files, "--force"])).ShouldBe(0);

        await using var restored = new CrmApiFactory(target, settings: new Dictionary<string, string?> { ["Files:LocalRoot"] = files });
        var again = new Api(restored.CreateClient());
        var signedIn = await again.LoginAsync(owner.Email, owner.Password);
        var contacts = await again.As(signedIn).GetAsync("/api/v1/contacts");
        contacts.Json["items"]!.AsArray().Select(c => (string?)c!["id"]).ShouldBe([contact.ToString()]);
        var content = await again.As(signedIn).GetBytesAsync($"/api/v1/attachments/{attachment.Json["id"]}/content");
        content.Status.ShouldBe(HttpStatusCode.OK);
        content.Body.ShouldBe(Pdf);
    }

    [Test]
    public async Task A_tampered_backup_fails_verification_and_is_not_restored()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var contact = await api.As(owner).CreateContactAsync();
        (await api.As(owner).UploadAsync($"/api/v1/contacts/{contact}/attachments", Pdf, "offer.pdf", "application/pdf")).Status.ShouldBe(HttpStatusCode.Created);
        var backup = NewFolder();
        var manifest = await BackUpAsync(backup);
        var file = Path.Combine(backup, BackupManifest.FilesFolder, manifest.Files[0].Key);
        var bytes = await File.ReadAllBytesAsync(file);
        bytes[^1] ^= 0xFF;
        await File.WriteAllBytesAsync(file, bytes);

        (await CrmCommandLine.InvokeAsync(["verify-backup", backup])).ShouldBe(BackupConsole.Mismatch);
        var target = await TestDatabase.RecreateAsync("crm_test_restored_tampered");
        (await CrmCommandLine.InvokeAsync(["restore", "--from", backup, "--to", target, "--files-to", NewFilesFolder()])).ShouldBe(1);
        await using var connection = new NpgsqlConnection(target);
        await connection.OpenAsync();
        (await BackupSnapshot.CountRowsAsync(connection, null, CancellationToken.None)).ShouldBeEmpty();
    }

    [Test]
    public async Task A_backup_is_written_only_into_an_empty_folder_and_a_folder_without_manifest_is_not_a_backup()
    {
        var folder = NewFolder();
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "other.txt"), "x");

        await Should.ThrowAsync<BackupException>(() => BackUpAsync(folder));
        (await CrmCommandLine.InvokeAsync(["verify-backup", folder])).ShouldBe(1);
        (await CrmCommandLine.InvokeAsync(["restore", "--from", folder])).ShouldBe(CrmCommandLine.BadArguments);
    }
}
