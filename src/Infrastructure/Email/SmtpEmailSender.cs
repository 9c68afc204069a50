using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.Email;

/// <summary>One email to deliver.</summary>
public sealed record EmailEnvelope(Guid Id, string Recipient, string Subject, string HtmlBody, string TextBody, int Attempts);

/// <summary>
/// Sends with .NET's SmtpClient (MailKit is not available here): SMTP to <c>Email:SmtpHost</c>, or, for the
/// development default, .eml files written to <c>Email:PickupDirectory</c>.
/// </summary>
internal sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailEnvelope email, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = settings.Transport == "smtp"
            ? new SmtpClient(settings.SmtpHost, settings.SmtpPort)
            {
                EnableSsl = settings.SmtpSsl,
                Credentials = settings.SmtpUser is null ? null : new NetworkCredential(settings.SmtpUser, settings.SmtpPassword),
                DeliveryMethod = SmtpDeliveryMethod.Network,
            }
            : new SmtpClient
            {
                DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
                PickupDirectoryLocation = Directory.CreateDirectory(settings.PickupDirectory).FullName,
            };
        using var message = new MailMessage { From = new MailAddress(settings.From), Subject = email.Subject };
        message.To.Add(email.Recipient);
        message.Headers.Add("Message-ID", $"<{email.Id}@crm>");
        message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(email.TextBody, null, MediaTypeNames.Text.Plain));
        message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(email.HtmlBody, null, MediaTypeNames.Text.Html));
        await client.SendMailAsync(message, cancellationToken);
    }
}
