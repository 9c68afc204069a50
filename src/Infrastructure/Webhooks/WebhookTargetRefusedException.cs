using Crm.Domain.Errors;

namespace Crm.Infrastructure.Webhooks;

/// <summary>The target policy refused a delivery's URL when it was about to be called.</summary>
internal sealed class WebhookTargetRefusedException(Error error) : Exception(error.Title)
{
    public Error Error { get; } = error;
}
