using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.Application.Common.Concurrency;
using Crm.Domain.Common;
using Crm.Domain.Deals;

namespace Crm.Application.Deals.Common;

public sealed class DealDto : ICreationOrdered, IVersionedResource
{
    public required Guid Id { get; init; }

    public required Guid ContactId { get; init; }

    public required Guid OwnerId { get; init; }

    public required string Title { get; init; }

    public required decimal Amount { get; init; }

    public required string Currency { get; init; }

    public required DealStatus Status { get; init; }

    public required DealStage Stage { get; init; }

    public required string? ExternalId { get; init; }

    /// <summary>The company the deal is made with, if any.</summary>
    public required Guid? CompanyId { get; init; }

    /// <summary>The day the deal is expected to close, if known.</summary>
    public required DateOnly? ExpectedCloseDate { get; init; }

    /// <summary>When the deal entered its current stage.</summary>
    public required DateTime StageChangedAt { get; init; }

    /// <summary>When the deal was last won or lost; null while it is open.</summary>
    public required DateTime? ClosedAt { get; init; }

    /// <summary>The record's tags, each in the first spelling it was given, in the order given; empty when none.</summary>
    public required string[] Tags { get; init; }

    /// <summary>The record's custom field values by key, each typed as its field's type says (GET /api/v1/custom-fields lists the keys); empty when none.</summary>
    public required Dictionary<string, JsonElement> CustomFields { get; init; }

    public required DateTime CreatedAt { get; init; }

    public required DateTime UpdatedAt { get; init; }

    /// <summary>The record's version, sent as the ETag header rather than in the body.</summary>
    [JsonIgnore]
    public uint Version { get; set; }
}
