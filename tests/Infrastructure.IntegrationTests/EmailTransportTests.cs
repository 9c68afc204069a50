using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Crm.Application.Common.Email;
using Crm.Infrastructure.Email;
using Crm.TestSupport;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.IntegrationTests;

public sealed class EmailTransportTests
{
    [Test]
    public async Task SMTP_delivers_the_rendered_message_to_a_real_mail_server()
    {
        var subject = $"Invitation {Guid.NewGuid():N}";
        var transport = new SmtpEmailSender(Options.Create(new EmailOptions
        {
            Transport = "smtp",
            SmtpHost = "127.0.0.1",
            SmtpPort = TestServers.SmtpPort,
            From = "Crm <no-reply@crm.localhost>",
        }));

        await transport.SendAsync(new EmailEnvelope(Guid.NewGuid(), "ada@example.com", subject, "<p>Join <b>us</b></p>", "Join us", 0), CancellationToken.None);

        using var http = new HttpClient();
        var received = (await http.GetFromJsonAsync<JsonArray>($"{TestServers.MaildevUrl}/email"))!
            .Single(m => (string?)m!["subject"] == subject)!;
        ((string?)received["to"]![0]!["address"]).ShouldBe("ada@example.com");
        ((string?)received["from"]![0]!["address"]).ShouldBe("no-reply@crm.localhost");
        ((string?)received["text"])!.Trim().ShouldBe("Join us");
        ((string)received["html"]!).ShouldContain("<b>us</b>");
    }

    [Test]
    public async Task The_development_default_writes_an_eml_file()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"crm-mail-{Guid.NewGuid():N}");
        var transport = new SmtpEmailSender(Options.Create(new EmailOptions { Transport = "pickup", PickupDirectory = folder }));

        await transport.SendAsync(new EmailEnvelope(Guid.NewGuid(), "ada@example.com", "Hello file", "<p>Hi</p>", "Hi", 0), CancellationToken.None);

        var file = Directory.GetFiles(folder, "*.eml").ShouldHaveSingleItem();
        (await File.ReadAllTextAsync(file)).ShouldContain("Subject: Hello file");
        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public void Templates_escape_values_in_HTML_but_not_in_text()
    {
        var (subject, html, text) = new EmailTemplates().Render(EmailTemplate.Invitation, new Dictionary<string, object?>
        {
            ["organization"] = "<script>alert(1)</script> & Co",
            ["inviter"] = "Ada",
            ["role"] = "member",
            ["link"] = "http://127.0.0.1:5080/accept-invitation?token=abc",
            ["days"] = 7,
        });

        subject.ShouldBe("Ada invited you to <script>alert(1)</script> & Co on Crm");
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co");
        html.ShouldNotContain("<script>");
        text.ShouldContain("<script>alert(1)</script> & Co");
        text.ShouldContain("http://127.0.0.1:5080/accept-invitation?token=abc");
    }
}
