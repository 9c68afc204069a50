namespace Crm.Application.Notifications.Common;

/// <summary>What a notification is about: <c>deal</c>, <c>contact</c>, <c>company</c>, <c>task</c>, <c>invitation</c>, <c>export</c>, <c>import</c> or <c>webhook</c>.</summary>
public sealed record NotificationRecordDto(string Type, Guid Id);
