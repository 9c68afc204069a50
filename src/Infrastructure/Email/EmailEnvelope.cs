namespace Crm.Infrastructure.Email;

/// <summary>One email to deliver.</summary>
public sealed record EmailEnvelope(Guid Id, string Recipient, string Subject, string HtmlBody, string TextBody, int Attempts);
