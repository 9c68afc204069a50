using System.Net;
using System.Security.Cryptography;
using Crm.TestSupport;
using Crm.WebApi.IntegrationTests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Crm.WebApi.IntegrationTests;

public sealed class AttachmentTests : ApiTest
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. RandomNumberGenerator.GetBytes(2_000)];

    [Test]
    public async Task An_uploaded_file_is_listed_and_streamed_back_with_range_support()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var contact = await api.CreateContactAsync();

        var reply = await api.UploadAsync($"/api/v1/contacts/{contact}/attachments", Png, "logo.png", "image/png");

        reply.Status.ShouldBe(HttpStatusCode.Created, reply.Text);
        var id = (string)reply.Json["id"]!;
        reply.Headers.Location!.ToString().ShouldBe($"/api/v1/attachments/{id}");
        ((string?)reply.Json["file_name"]).ShouldBe("logo.png");
        ((string?)reply.Json["content_type"]).ShouldBe("image/png");
        ((long?)reply.Json["size"]).ShouldBe(Png.Length);
        ((string?)reply.Json["sha256"]).ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Png)));
        ((string?)reply.Json["uploaded_by"]).ShouldNotBeNull();
        var listed = await api.GetAsync($"/api/v1/contacts/{contact}/attachments");
        listed.Json["items"]!.AsArray().Select(a => (string?)a!["id"]).ShouldBe([id]);

        var whole = await api.GetBytesAsync($"/api/v1/attachments/{id}/content");
        whole.Status.ShouldBe(HttpStatusCode.OK);
        whole.Body.ShouldBe(Png);
        whole.Response.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        var part = await api.GetBytesAsync($"/api/v1/attachments/{id}/content", h => h.Range = new(0, 7));
        part.Status.ShouldBe(HttpStatusCode.PartialContent);
        part.Body.ShouldBe(Png[..8]);
    }

    [Test]
    public async Task A_download_names_the_file_in_ascii_and_exactly_in_utf8()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var contact = await api.CreateContactAsync();
        var id = (string)(await api.UploadAsync($"/api/v1/contacts/{contact}/attachments", Png, "Angebot Müller 日本.png", "image/png")).Json["id"]!;

        var download = await api.GetBytesAsync($"/api/v1/attachments/{id}/content");

        download.Status.ShouldBe(HttpStatusCode.OK);
        var header = download.Response.Content.Headers.GetValues("Content-Disposition").ShouldHaveSingleItem();
        header.ShouldBe("attachment; filename=\"Angebot M_ller __.png\"; filename*=UTF-8''Angebot%20M%C3%BCller%20%E6%97%A5%E6%9C%AC.png");
        header.ShouldAllBe(c => c >= 0x20 && c < 0x7F);
        download.Response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("Angebot Müller 日本.png");
    }

    [Test]
    public async Task The_type_comes_from_the_content_never_from_the_client()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var deal = await api.CreateDealAsync();
        var path = $"/api/v1/deals/{deal}/attachments";

        (await api.UploadAsync(path, Png, "logo.pdf", "application/pdf")).ShouldBeProblem(HttpStatusCode.UnsupportedMediaType, "content_type_mismatch");
        (await api.UploadAsync(path, [0x4D, 0x5A, 0x90, 0x00, 0x03], "tool.exe", "application/octet-stream"))
            .ShouldBeProblem(HttpStatusCode.UnsupportedMediaType, "unsupported_file_type");
        (await api.UploadAsync(path, "%PDF-1.7 fake"u8.ToArray(), "notes.txt", "text/plain"))
            .ShouldBeProblem(HttpStatusCode.UnsupportedMediaType, "content_type_mismatch");
        var csv = await api.UploadAsync(path, "name,amount\nAda,12\n"u8.ToArray(), "pipeline.csv", null);
        csv.Status.ShouldBe(HttpStatusCode.Created, csv.Text);
        ((string?)csv.Json["content_type"]).ShouldBe("text/csv");
        var pdf = await api.UploadAsync(path, "%PDF-1.7\n..."u8.ToArray(), "..\\..\\etc\\pass|wd.pdf", "application/octet-stream");
        ((string?)pdf.Json["file_name"]).ShouldBe("passwd.pdf");
        ((string?)pdf.Json["content_type"]).ShouldBe("application/pdf");
    }

    [Test]
    public async Task A_file_over_the_size_limit_answers_413()
    {
        await using var small = new CrmApiFactory(Testing.Database.ConnectionString, settings: new Dictionary<string, string?> { ["Files:MaxSize"] = "1024" });
        var api = new Api(small.CreateClient());
        var owner = api.As(await api.RegisterAsync());
        var contact = await owner.CreateContactAsync();

        (await owner.UploadAsync($"/api/v1/contacts/{contact}/attachments", Png, "big.png", "image/png"))
            .ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge, "file_too_large");
        (await Testing.Database.ScalarAsync<long>("SELECT count(*) FROM attachments")).ShouldBe(0);
    }

    [Test]
    public async Task Uploading_and_removing_follow_the_records_ownership_while_everyone_reads()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var managersContact = await api.As(team.Manager).CreateContactAsync("Manager's");
        var upload = await api.As(team.Manager).UploadAsync($"/api/v1/contacts/{managersContact}/attachments", Png, "a.png", "image/png");
        var id = (string)upload.Json["id"]!;

        (await api.As(team.Member).UploadAsync($"/api/v1/contacts/{managersContact}/attachments", Png, "b.png", "image/png"))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "not_record_owner");
        (await api.As(team.Member).DeleteAsync($"/api/v1/attachments/{id}")).ShouldBeProblem(HttpStatusCode.Forbidden, "not_record_owner");
        (await api.As(team.Member).GetBytesAsync($"/api/v1/attachments/{id}/content")).Body.ShouldBe(Png);
        (await api.As(team.Admin).DeleteAsync($"/api/v1/attachments/{id}")).Status.ShouldBe(HttpStatusCode.NoContent);
        (await api.As(team.Admin).GetAsync($"/api/v1/attachments/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "attachment_not_found");
        Directory.GetFiles(Testing.Factory.FilesFolder, "*", SearchOption.AllDirectories).ShouldNotContain(f => f.EndsWith(Guid.Parse(id).ToString("N"), StringComparison.Ordinal));
    }

    [Test]
    public async Task Another_organizations_files_are_not_found()
    {
        var api = NewApi();
        var theirs = api.As(await api.RegisterAsync());
        var theirContact = await theirs.CreateContactAsync();
        var id = (string)(await theirs.UploadAsync($"/api/v1/contacts/{theirContact}/attachments", Png, "secret.png", "image/png")).Json["id"]!;
        var mine = api.As(await api.RegisterAsync());

        (await mine.GetAsync($"/api/v1/attachments/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "attachment_not_found");
        (await mine.GetAsync($"/api/v1/attachments/{id}/content")).ShouldBeProblem(HttpStatusCode.NotFound, "attachment_not_found");
        (await mine.DeleteAsync($"/api/v1/attachments/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "attachment_not_found");
        (await mine.GetAsync($"/api/v1/contacts/{theirContact}/attachments")).ShouldBeProblem(HttpStatusCode.NotFound, "contact_not_found");
        (await mine.UploadAsync($"/api/v1/contacts/{theirContact}/attachments", Png, "x.png", "image/png")).ShouldBeProblem(HttpStatusCode.NotFound, "contact_not_found");
    }

    [Test]
    public async Task Deleting_a_record_deletes_its_files()
    {
        var api = NewApi().As(await NewApi().RegisterAsync());
        var deal = await api.CreateDealAsync();
        var id = Guid.Parse((string)(await api.UploadAsync($"/api/v1/deals/{deal}/attachments", Png, "plan.png", "image/png")).Json["id"]!);
        string Stored() => Directory.GetFiles(Testing.Factory.FilesFolder, id.ToString("N"), SearchOption.AllDirectories).SingleOrDefault() ?? string.Empty;
        Stored().ShouldNotBeEmpty();

        (await api.DeleteAsync($"/api/v1/deals/{deal}")).Status.ShouldBe(HttpStatusCode.NoContent);

        Stored().ShouldBeEmpty();
        (await api.GetAsync($"/api/v1/attachments/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "attachment_not_found");
    }

    [Test]
    public async Task With_S3_a_download_redirects_to_a_short_lived_link()
    {
        await using var s3 = new CrmApiFactory(Testing.Database.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Files:Storage"] = "s3",
            ["Files:S3ServiceUrl"] = TestServers.S3Url,
            ["Files:S3AccessKey"] = "S3RVER",
            ["Files:S3SecretKey"] = "S3RVER",
        });
        var api = new Api(s3.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        var owner = api.As(await api.RegisterAsync());
        var contact = await owner.CreateContactAsync();
        var id = (string)(await owner.UploadAsync($"/api/v1/contacts/{contact}/attachments", Png, "Résumé «final».png", "image/png")).Json["id"]!;

        var download = await owner.GetBytesAsync($"/api/v1/attachments/{id}/content");

        download.Status.ShouldBe(HttpStatusCode.Redirect);
        var link = download.Response.Headers.Location!;
        link.ToString().ShouldStartWith(TestServers.S3Url);
        using var http = new HttpClient();
        using var stored = await http.GetAsync(link);
        (await stored.Content.ReadAsByteArrayAsync()).ShouldBe(Png);
        var disposition = stored.Content.Headers.ContentDisposition!;
        disposition.FileName!.Trim('"').ShouldBe("R_sum_ _final_.png");
        disposition.FileNameStar.ShouldBe("Résumé «final».png");
    }
}
