using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Domain.Deals.Rules;

/// <summary>A won deal has a positive amount.</summary>
public sealed record WonDealHasAmount(DealStatus Status, decimal Amount) : IBusinessRule
{
    public Error Error => ErrorCatalog.DealAmountRequired;

    public bool IsBroken() => Status == DealStatus.Won && Amount <= 0;
}
