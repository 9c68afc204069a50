using System.Text.Json.Serialization;
using Crm.Application.Common.Concurrency;
using Crm.Domain.Common;

namespace Crm.Application.Tasks.Common;

public sealed class TaskDto : ICreationOrdered, IVersionedResource
{
    public required Guid Id { get; init; }

    public required Guid DealId { get; init; }

    public required string Title { get; init; }

    public required string? Description { get; init; }

    public required DateOnly? DueDate { get; init; }

    public required bool IsDone { get; init; }

    public required DateTime? CompletedAt { get; init; }

    public required DateTime CreatedAt { get; init; }

    public required DateTime UpdatedAt { get; init; }

    /// <summary>The record's version, sent as the ETag header rather than in the body.</summary>
    [JsonIgnore]
    public uint Version { get; set; }
}
