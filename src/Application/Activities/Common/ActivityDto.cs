using System.Text.Json;
using Crm.Domain.Activities;

namespace Crm.Application.Activities.Common;

/// <summary>One timeline entry; <see cref="Payload"/> is a JSON object whose shape depends on the type.</summary>
public sealed record ActivityDto(Guid Id, Guid DealId, Guid AuthorId, ActivityType Type, JsonElement Payload, DateTime CreatedAt)
{
    public static ActivityDto From(Activity activity) => new(
        activity.Id,
        activity.DealId,
        activity.AuthorId,
        activity.Type,
        JsonSerializer.Deserialize<JsonElement>(activity.Payload),
        activity.CreatedAt);
}
