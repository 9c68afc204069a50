namespace Crm.Application.Webhooks.Common;

/// <summary>A webhook as its organization's administrators see it: never its secret.</summary>
public sealed record WebhookDto(
    Guid Id,
    string Url,
    IReadOnlyList<string> Events,
    string? Description,
    bool Active,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? DeactivatedAt,
    string? DeactivationReason,
    DateTime? FailingSince);
