using Crm.Domain.Common;
using Crm.Domain.Email.Rules;

namespace Crm.Domain.Email;

public enum OutboxStatus
{
    Pending,
    Sending,
    Sent,
    Failed,
}

/// <summary>An email waiting to be sent, written in the transaction of the change that causes it.</summary>
public sealed class OutboxMessage : Entity
{
    private OutboxMessage()
    {
        Template = Recipient = Subject = HtmlBody = TextBody = string.Empty;
    }

    public Guid? OrganizationId { get; private set; }

    public string Template { get; private set; }

    public string Recipient { get; private set; }

    public string Subject { get; private set; }

    public string HtmlBody { get; private set; }

    public string TextBody { get; private set; }

    public OutboxStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public DateTime NextAttemptAt { get; private set; }

    public DateTime? LockedUntil { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? SentAt { get; private set; }

    /// <summary>Queues a failed email again, to be sent at once with a fresh round of attempts; its last error stays until then.</summary>
    public void Retry(DateTime now)
    {
        BusinessRules.Check(new OnlyFailedEmailIsRetried(Status));
        Status = OutboxStatus.Pending;
        NextAttemptAt = now;
        LockedUntil = null;
    }

    public static OutboxMessage Queue(
        Guid? organizationId, string template, string recipient, string subject, string htmlBody, string textBody, DateTime now) => new()
        {
            Id = NewId(),
            OrganizationId = organizationId,
            Template = template,
            Recipient = recipient,
            Subject = subject,
            HtmlBody = htmlBody,
            TextBody = textBody,
            Status = OutboxStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        };
}
