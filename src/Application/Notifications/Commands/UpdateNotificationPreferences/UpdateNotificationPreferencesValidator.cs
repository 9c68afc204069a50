using System.Globalization;
using Crm.Domain.Notifications;
using Crm.Domain.Organizations;
using FluentValidation;

namespace Crm.Application.Notifications.Commands.UpdateNotificationPreferences;

public sealed class UpdateNotificationPreferencesValidator : AbstractValidator<UpdateNotificationPreferencesCommand>
{
    public UpdateNotificationPreferencesValidator()
    {
        RuleFor(c => c.Channels).Must(c => c!.Count <= NotificationTypes.All.Count).When(c => c.Channels is not null)
            .WithMessage($"must name at most {NotificationTypes.All.Count} types");
        RuleForEach(c => c.Channels).Custom((entry, context) =>
        {
            var path = $"channels.{entry.Key}";
            if (!NotificationTypes.IsKnown(entry.Key))
            {
                context.AddFailure(path, $"is not a notification type; the types are {string.Join(", ", NotificationTypes.All)}");
            }
            else if (entry.Value is null || entry.Value.InApp is null || entry.Value.Email is null)
            {
                context.AddFailure(path, "must give both in_app and email as true or false");
            }
        });
        When(c => c.QuietHours is not null, () =>
        {
            RuleFor(c => c.QuietHours!.Start).NotEmpty().Must(BeTime).WithMessage("must be a time of day as HH:mm (22:00)")
                .OverridePropertyName("quiet_hours.start");
            RuleFor(c => c.QuietHours!.End).NotEmpty().Must(BeTime).WithMessage("must be a time of day as HH:mm (08:00)")
                .OverridePropertyName("quiet_hours.end");
            RuleFor(c => c.QuietHours!.TimeZone).Must(OrganizationTimeZones.IsKnownIana)
                .WithMessage("must be an IANA time zone such as Europe/Paris").OverridePropertyName("quiet_hours.time_zone");
            RuleFor(c => c.QuietHours!.End).NotEqual(c => c.QuietHours!.Start).When(c => BeTime(c.QuietHours!.Start))
                .WithMessage("must differ from start").OverridePropertyName("quiet_hours.end");
        });
    }

    private static bool BeTime(string? text) =>
        text is not null && TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
