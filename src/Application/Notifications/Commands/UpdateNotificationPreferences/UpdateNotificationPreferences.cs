using System.Globalization;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Notifications.Common;
using Crm.Domain.Common;
using Crm.Domain.Notifications;
using MediatR;

namespace Crm.Application.Notifications.Commands.UpdateNotificationPreferences;

/// <summary>
/// Replaces the signed-in person's notification preferences: types left out return to their defaults, no
/// <c>quiet_hours</c> means none, no <c>email_digest</c> means off.
/// </summary>
[Authorize]
[AuditAction("update_notification_preferences")]
public sealed record UpdateNotificationPreferencesCommand(
    IReadOnlyDictionary<string, NotificationChannelsDto>? Channels, QuietHoursDto? QuietHours, EmailDigest? EmailDigest)
    : ICommand<NotificationPreferencesDto>;

public sealed class UpdateNotificationPreferencesCommandHandler(
    IRepository<NotificationPreferences> preferences, IRequestContext context, TimeProvider time)
    : IRequestHandler<UpdateNotificationPreferencesCommand, NotificationPreferencesDto>
{
    public async Task<NotificationPreferencesDto> Handle(UpdateNotificationPreferencesCommand request, CancellationToken cancellationToken)
    {
        var userId = context.RequireUserId();
        var current = await preferences.FindAsync(userId, cancellationToken);
        if (current is null)
        {
            current = NotificationPreferences.Default(userId);
            preferences.Add(current);
        }

        var channels = (request.Channels ?? new Dictionary<string, NotificationChannelsDto>())
            .ToDictionary(c => c.Key, c => new NotificationChannels(c.Value.InApp!.Value, c.Value.Email!.Value), StringComparer.Ordinal);
        var quiet = request.QuietHours is { } q
            ? new QuietHours(ParseTime(q.Start!), ParseTime(q.End!), q.TimeZone!)
            : null;
        current.Replace(channels, quiet, request.EmailDigest ?? EmailDigest.Off, time.UtcNow());
        return NotificationPreferencesDto.Of(current);
    }

    public static TimeOnly ParseTime(string text) => TimeOnly.ParseExact(text, "HH:mm", CultureInfo.InvariantCulture);
}
