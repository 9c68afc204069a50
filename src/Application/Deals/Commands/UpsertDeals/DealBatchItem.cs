using System.Text.Json;
using Crm.Domain.Common;
using Crm.Domain.Deals;

namespace Crm.Application.Deals.Commands.UpsertDeals;

/// <summary>One deal of a batch: opened with these fields, or, when it matches one, the fields sent change it.</summary>
public sealed record DealBatchItem(
    Optional<Guid> ContactId,
    Optional<string> Title,
    Optional<decimal> Amount,
    Optional<string> Currency,
    Optional<DealStatus> Status,
    Optional<DealStage> Stage,
    Optional<Guid> OwnerId,
    Optional<string?> ExternalId,
    Optional<Guid?> CompanyId = default,
    Optional<IReadOnlyList<string>?> Tags = default,
    Optional<DateOnly?> ExpectedCloseDate = default,
    Optional<IReadOnlyDictionary<string, JsonElement>?> CustomFields = default);
