using Crm.Infrastructure.Jobs;

namespace Crm.Infrastructure.Notifications;

/// <summary>Wakes this instance's notification processor when a change that queued notifications has committed here.</summary>
internal sealed class NotificationSignal : WakeSignal;
