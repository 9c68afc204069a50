using Crm.Application.Common.Interfaces;
using Crm.Domain.Common;
using Crm.Domain.Deals;
using Crm.Domain.Errors;

namespace Crm.Application.Tasks.Common;

public static class TaskDeals
{
    /// <summary>The deal a request names in its body: one the organization does not have is a bad request.</summary>
    public static async Task<Deal> GetReferencedDealAsync(
        this IRepository<Deal> deals, Guid organizationId, Guid dealId, CancellationToken cancellationToken)
    {
        var deal = await deals.FindAsync(dealId, cancellationToken);
        return deal is not null && deal.OrganizationId == organizationId
            ? deal
            : throw new BusinessRuleException(ErrorCatalog.DealReferenceNotFound);
    }

    /// <summary>Today in UTC, the day against which due dates are checked.</summary>
    public static DateOnly TodayUtc(this TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
