namespace Crm.Application.Notifications.Common;

/// <summary>A daily period (<c>HH:mm</c> to <c>HH:mm</c>, in an IANA time zone) during which no notification email is sent.</summary>
public sealed record QuietHoursDto(string? Start, string? End, string? TimeZone);
