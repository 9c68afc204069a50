namespace Crm.Application.Notifications.Common;

/// <summary>How many notifications a request marked read.</summary>
public sealed record MarkedReadDto(int Marked);
