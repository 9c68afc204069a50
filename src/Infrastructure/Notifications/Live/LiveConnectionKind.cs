namespace Crm.Infrastructure.Notifications.Live;

/// <summary>How a live connection receives notifications.</summary>
public enum LiveConnectionKind
{
    Hub,
    Stream,
}
