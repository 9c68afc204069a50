using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Crm.Infrastructure.Email;

/// <summary>
/// Sends with MailKit: SMTP to <c>Email:SmtpHost</c> (STARTTLS, or TLS on connect on port 465, when
/// <c>Email:SmtpSsl</c> is set), or, for the development default, .eml files written to <c>Email:PickupDirectory</c>.
/// </summary>
internal sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailEnvelope email, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var message = new MimeMessage
        {
            Subject = email.Subject,
            MessageId = $"{email.Id}@crm",
            Body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody }.ToMessageBody(),
        };
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(email.Recipient));

        if (settings.Transport != "smtp")
        {
            var folder = Directory.CreateDirectory(settings.PickupDirectory).FullName;
            await message.WriteToAsync(Path.Combine(folder, $"{email.Id:N}.eml"), cancellationToken);
            return;
        }

        using var client = new SmtpClient();
        var security = settings.SmtpSsl
            ? settings.SmtpPort == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls
            : SecureSocketOptions.None;
        await client.ConnectAsync(settings.SmtpHost, settings.SmtpPort, security, cancellationToken);
        if (settings.SmtpUser is not null)
        {
            await client.AuthenticateAsync(settings.SmtpUser, settings.SmtpPassword ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
