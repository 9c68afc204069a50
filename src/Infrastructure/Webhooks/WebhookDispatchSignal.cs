using Crm.Infrastructure.Jobs;

namespace Crm.Infrastructure.Webhooks;

/// <summary>Wakes this instance's dispatcher when a change that scheduled deliveries has committed here.</summary>
internal sealed class WebhookDispatchSignal : WakeSignal;
