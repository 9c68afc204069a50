using System.Text.RegularExpressions;

namespace Crm.Domain.Activities;

/// <summary>Mentions written in a body as <c>@[Name](user:&lt;uuid&gt;)</c>.</summary>
public static partial class ActivityMentions
{
    /// <summary>At most this many distinct users are taken from one body; the rest stay text.</summary>
    public const int MaxCount = 50;

    /// <summary>The distinct user ids the body mentions, in order of first mention.</summary>
    public static IReadOnlyList<Guid> Parse(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return [];
        }

        var ids = new List<Guid>();
        foreach (Match match in Mention().Matches(body))
        {
            if (Guid.TryParse(match.Groups["id"].Value, out var id) && !ids.Contains(id))
            {
                ids.Add(id);
                if (ids.Count == MaxCount)
                {
                    break;
                }
            }
        }

        return ids;
    }

    [GeneratedRegex(@"@\[[^\]\r\n]{1,200}\]\(user:(?<id>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Mention();
}
