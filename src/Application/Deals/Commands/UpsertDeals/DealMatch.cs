namespace Crm.Application.Deals.Commands.UpsertDeals;

/// <summary>Which field of a batch item finds the deal it updates.</summary>
public enum DealMatch
{
    ExternalId,
}
