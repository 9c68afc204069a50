namespace Crm.Application.Webhooks.Common;

/// <summary>A new webhook with its signing secret, which is shown this once.</summary>
public sealed record CreatedWebhookDto(
    Guid Id,
    string Url,
    IReadOnlyList<string> Events,
    string? Description,
    bool Active,
    string Secret,
    DateTime CreatedAt,
    DateTime UpdatedAt);
