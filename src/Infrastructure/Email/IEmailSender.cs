namespace Crm.Infrastructure.Email;

/// <summary>Delivers one email; throws when it could not.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailEnvelope email, CancellationToken cancellationToken);
}
