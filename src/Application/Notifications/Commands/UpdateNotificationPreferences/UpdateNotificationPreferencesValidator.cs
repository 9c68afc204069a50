using System.Globalization;
using Crm.Domain.Notifications;
using Crm.Domain.Organizations;
using Crm.Application.Notifications.Common;
using FluentValidation;
using FluentValidation.Results;

namespace Crm.Application.Notifications.Commands.UpdateNotificationPreferences;

public sealed class UpdateNotificationPreferencesValidator : AbstractValidator<UpdateNotificationPreferencesCommand>
{
    public UpdateNotificationPreferencesValidator()
    {
        RuleFor(c => c.Channels).Must(c => c!.Count <= NotificationTypes.All.Count).When(c => c.Channels is not null)
            .WithMessage($"must name at most {NotificationTypes.All.Count} types");
        RuleFor(c => c.Channels).Custom((channels, context) =>
        {
            foreach (var (type, choice) in channels ?? new Dictionary<string, NotificationChannelsDto>())
            {
                var path = $"channels.{type}";
                if (!NotificationTypes.IsKnown(type))
                {
                    context.AddFailure(new ValidationFailure(path, $"is not a notification type; the types are {string.Join(", ", NotificationTypes.All)}"));
                }
                else if (choice?.InApp is null || choice.Email is null)
                {
                    context.AddFailure(new ValidationFailure(path, "must give both in_app and email as true or false"));
                }
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
