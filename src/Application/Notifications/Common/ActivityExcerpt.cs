using System.Text.Json;
using System.Text.RegularExpressions;
using Crm.Domain.Activities;

namespace Crm.Application.Notifications.Common;

/// <summary>The beginning of a comment's or note's text as a notification quotes it, mentions shown as <c>@Name</c>.</summary>
public static partial class ActivityExcerpt
{
    public const int MaxLength = 200;

    public static string Of(Activity activity)
    {
        var text = activity.Type == ActivityType.Comment ? CommentText(activity.Payload) : activity.Body;
        var plain = Whitespace().Replace(Mention().Replace(text ?? string.Empty, "@${name}"), " ").Trim();
        return plain.Length <= MaxLength ? plain : plain[..(MaxLength - 1)] + "…";
    }

    private static string? CommentText(string payload)
    {
        using var json = JsonDocument.Parse(payload);
        return json.RootElement.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;
    }

    [GeneratedRegex(@"@\[(?<name>[^\]\r\n]{1,200})\]\(user:[0-9a-fA-F-]{36}\)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Mention();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Whitespace();
}
