namespace Crm.Application.Webhooks.Common;

/// <summary>A webhook's new signing secret, shown this once; the previous one also signs until the time given.</summary>
public sealed record WebhookSecretDto(string Secret, DateTime PreviousSecretExpiresAt);
