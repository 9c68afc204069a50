using Crm.Application.Webhooks.Common;
using FluentValidation;

namespace Crm.Application.Webhooks.Commands.CreateWebhook;

public sealed class CreateWebhookValidator : AbstractValidator<CreateWebhookCommand>
{
    public CreateWebhookValidator()
    {
        RuleFor(c => c.Url).WebhookUrl();
        RuleFor(c => c.Events).WebhookEvents();
        RuleFor(c => c.Description).WebhookDescription();
    }
}
