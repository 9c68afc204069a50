using Crm.Application.Common.Models;
using FluentValidation;

namespace Crm.Application.Notifications.Queries.ListNotifications;

public sealed class ListNotificationsValidator : AbstractValidator<ListNotificationsQuery>
{
    public ListNotificationsValidator() => Include(PagingValidator.Instance);
}
