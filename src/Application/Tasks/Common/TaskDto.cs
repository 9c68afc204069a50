using System.Text.Json.Serialization;
using Crm.Application.Common.Concurrency;
using Crm.Domain.Common;

namespace Crm.Application.Tasks.Common;

public sealed class TaskDto : ICreationOrdered, IVersionedResource
{
    public required Guid Id { get; init; }

    /// <summary>The deal the task is on; null when it is on a contact.</summary>
    public required Guid? DealId { get; init; }

    /// <summary>The contact the task is on; null when it is on a deal or a company.</summary>
    public required Guid? ContactId { get; init; }

    /// <summary>The company the task is on; null when it is on a deal or a contact.</summary>
    public required Guid? CompanyId { get; init; }

    /// <summary>The member or API key the task is for; null when nobody is (its assignee left the organization).</summary>
    public required Guid? AssigneeId { get; init; }

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
