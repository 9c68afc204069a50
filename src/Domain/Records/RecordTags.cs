using Crm.Domain.Common;

namespace Crm.Domain.Records;

/// <summary>
/// Tags on contacts, companies and deals: at most <see cref="MaxCount"/>, each 1 to <see cref="MaxLength"/>
/// characters once trimmed, single-line and visible. They compare without regard to case (<see cref="Key"/>): a
/// record keeps the first spelling it was given of each, in the order given, and duplicates collapse.
/// </summary>
public static class RecordTags
{
    public const int MaxCount = 20;
    public const int MaxLength = 40;

    /// <summary>What tags compare by: the trimmed tag in lower case (culture-invariant, so every server agrees).</summary>
    public static string Key(string tag) => tag.Trim().ToLowerInvariant();

    /// <summary>Why one tag is refused, or null when it is acceptable.</summary>
    public static string? Refusal(string? tag)
    {
        if (tag is null)
        {
            return "must be a string";
        }

        var trimmed = tag.Trim();
        if (trimmed.Length == 0)
        {
            return "must not be blank";
        }

        if (trimmed.Length > MaxLength)
        {
            return $"must be at most {MaxLength} characters";
        }

        // Invisible reordering and line breaks make two tags look alike or break a one-line label.
        return trimmed.Any(c => char.IsControl(c) || BidiControls.Contains(c) || c is '\u2028' or '\u2029')
            ? "must not contain control, line-separator or bidirectional characters"
            : null;
    }

    /// <summary>The tags as a record stores them: trimmed, the first spelling of each kept, in the order given.</summary>
    public static string[] Normalize(IEnumerable<string>? tags)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var tag in tags ?? [])
        {
            var trimmed = tag.Trim();
            if (seen.Add(Key(trimmed)))
            {
                result.Add(trimmed);
            }
        }

        return [.. result];
    }

    /// <summary>Whether the tags, once normalised, are few enough and each acceptable.</summary>
    public static bool AreValid(IReadOnlyCollection<string>? tags) =>
        tags is null || (tags.All(t => Refusal(t) is null) && Normalize(tags).Length <= MaxCount);

    /// <summary>Whether storing <paramref name="tags"/> would leave <paramref name="stored"/> as it is (never for refused tags).</summary>
    public static bool WouldKeep(IReadOnlyCollection<string>? tags, IEnumerable<string> stored) =>
        AreValid(tags) && Normalize(tags).SequenceEqual(stored, StringComparer.Ordinal);

    /// <summary>The keys a <c>tag</c> filter matches, distinct and sorted (blank values ignored).</summary>
    public static string[] FilterKeys(IEnumerable<string>? values) =>
        [.. (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(Key).Distinct().Order(StringComparer.Ordinal)];
}
