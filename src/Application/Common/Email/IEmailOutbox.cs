namespace Crm.Application.Common.Email;

/// <summary>The emails the service sends.</summary>
public enum EmailTemplate
{
    Welcome,
    Invitation,
    PasswordReset,
    EmailVerification,
    PasswordChanged,
    WebhookDeactivated,
    ExportReady,
    Notifications,
    ImportFinished,
}

/// <summary>
/// Queues an email in the current transaction: it is sent after the change that causes it commits, and never
/// if that change rolls back.
/// </summary>
public interface IEmailOutbox
{
    /// <param name="model">The template's values (escaped in the HTML version).</param>
    void Queue(EmailTemplate template, string recipient, IReadOnlyDictionary<string, object?> model, Guid? organizationId);
}
