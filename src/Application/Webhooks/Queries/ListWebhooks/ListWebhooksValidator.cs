using Crm.Application.Common.Models;
using FluentValidation;

namespace Crm.Application.Webhooks.Queries.ListWebhooks;

public sealed class ListWebhooksValidator : AbstractValidator<ListWebhooksQuery>
{
    public ListWebhooksValidator()
    {
        Include(PagingValidator.Instance);
    }
}
