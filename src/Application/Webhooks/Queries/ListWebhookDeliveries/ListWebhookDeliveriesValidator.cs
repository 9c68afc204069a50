using Crm.Application.Common.Models;
using FluentValidation;

namespace Crm.Application.Webhooks.Queries.ListWebhookDeliveries;

public sealed class ListWebhookDeliveriesValidator : AbstractValidator<ListWebhookDeliveriesQuery>
{
    public ListWebhookDeliveriesValidator()
    {
        Include(PagingValidator.Instance);
        RuleFor(q => q.Status).IsInEnum();
    }
}
