using Crm.Application.Webhooks.Common;
using FluentValidation;

namespace Crm.Application.Webhooks.Commands.UpdateWebhook;

public sealed class UpdateWebhookValidator : AbstractValidator<UpdateWebhookCommand>
{
    public UpdateWebhookValidator()
    {
        RuleFor(c => c.Url.Value).WebhookUrl().When(c => c.Url.IsSet).OverridePropertyName("Url");
        RuleFor(c => c.Events.Value).WebhookEvents().When(c => c.Events.IsSet).OverridePropertyName("Events");
        RuleFor(c => c.Description.Value).WebhookDescription().When(c => c.Description.IsSet).OverridePropertyName("Description");
    }
}
