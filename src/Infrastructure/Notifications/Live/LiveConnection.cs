namespace Crm.Infrastructure.Notifications.Live;

/// <summary>One open live connection of this instance, and how to close it.</summary>
public sealed record LiveConnection(string Id, LiveConnectionKind Kind, LiveCaller Caller, Action Close);
