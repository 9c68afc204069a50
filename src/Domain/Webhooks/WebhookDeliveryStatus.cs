namespace Crm.Domain.Webhooks;

public enum WebhookDeliveryStatus
{
    Pending,
    Sending,
    Succeeded,
    Failed,
}
