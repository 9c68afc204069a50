using Crm.Domain.Common;

namespace Crm.Domain.Webhooks;

/// <summary>A partial update of a webhook: only the fields that are set change.</summary>
public sealed record WebhookChanges(
    Optional<string> Url, Optional<IReadOnlyList<string>> Events, Optional<string?> Description, Optional<bool> Active);
