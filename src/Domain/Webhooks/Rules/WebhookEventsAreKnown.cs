using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Domain.Webhooks.Rules;

/// <summary>A webhook subscribes only to events that exist: a typo would otherwise subscribe silently to nothing.</summary>
public sealed record WebhookEventsAreKnown(IReadOnlyCollection<string> Events) : IBusinessRule
{
    public Error Error => ErrorCatalog.WebhookEventUnknown;

    public bool IsBroken() => Events.Count == 0 || Events.Any(e => !WebhookEventTypes.IsKnownPattern(e));
}
