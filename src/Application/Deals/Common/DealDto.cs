using Crm.Domain.Deals;

namespace Crm.Application.Deals.Common;

public sealed class DealDto
{
    public Guid Id { get; init; }

    public Guid ContactId { get; init; }

    public Guid OwnerId { get; init; }

    public string Title { get; init; } = string.Empty;

    public decimal Amount { get; init; }

    public string Currency { get; init; } = string.Empty;

    public DealStatus Status { get; init; }

    public DealStage Stage { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; init; }
}
