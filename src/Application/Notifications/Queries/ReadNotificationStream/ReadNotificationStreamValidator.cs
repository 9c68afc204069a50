using FluentValidation;

namespace Crm.Application.Notifications.Queries.ReadNotificationStream;

public sealed class ReadNotificationStreamValidator : AbstractValidator<ReadNotificationStreamQuery>
{
    public ReadNotificationStreamValidator()
    {
        RuleFor(q => q.After).GreaterThanOrEqualTo(0);
        RuleFor(q => q.Take).InclusiveBetween(1, ReadNotificationStreamQuery.MaxTake);
    }
}
