namespace Crm.Infrastructure.Jobs;

/// <summary>The kinds of work taken with a lease.</summary>
public enum LeasedWork
{
    Email,
    WebhookDelivery,
    Import,
    Export,
}
