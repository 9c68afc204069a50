using System.Globalization;
using System.Text;

namespace Crm.Domain.Users;

/// <summary>
/// The one form in which email addresses are stored and compared: trimmed, compatibility-folded and case-folded,
/// so that addresses a person cannot tell apart (<c>ſales@</c> and <c>sales@</c>) are one address.
/// </summary>
/// <remarks>
/// The service runs with invariant globalization, where <see cref="string.Normalize(NormalizationForm)"/> has no
/// Unicode data and the invariant case mappings leave <c>ſ</c> and <c>ı</c> alone; so the compatibility mappings
/// that can occur in an address (fullwidth forms, ligatures, circled letters, long s, dotless i, the Kelvin and
/// Ångström signs) come from the table below, and what has no defined fold (combining marks, characters beyond the
/// Basic Multilingual Plane, invisible formatting) is refused as implausible instead of compared wrongly.
/// </remarks>
public static class EmailCanonicalForm
{
    public const int LocalPartMaxLength = 64;

    public static string Of(string email)
    {
        var folded = new StringBuilder(email.Length);
        foreach (var c in email.Trim())
        {
            folded.Append(Fold(c));
        }

        // Lower then upper: every case variant of a letter meets at one upper-case form (upper case, as stored
        // before, so ASCII addresses keep their stored form).
        return folded.ToString().ToLowerInvariant().ToUpperInvariant();
    }

    /// <summary>
    /// Whether an address can be a mailbox: one <c>@</c> between a local part (at most 64) and a domain without
    /// empty labels; no whitespace, control, formatting or combining characters; at most
    /// <paramref name="maxLength"/> in canonical form.
    /// </summary>
    public static bool IsPlausible(string? email, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return false;
        }

        var trimmed = email.Trim();
        foreach (var c in trimmed)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Format
                    or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse
                    or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                return false;
            }
        }

        var at = trimmed.IndexOf('@');
        if (at <= 0 || at != trimmed.LastIndexOf('@') || at > LocalPartMaxLength)
        {
            return false;
        }

        var domain = trimmed[(at + 1)..];
        return domain.Length > 0 && !domain.StartsWith('.') && !domain.EndsWith('.') && !domain.Contains("..")
            && Of(trimmed).Length <= maxLength;
    }

    private static string Fold(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => ((char)(c - 0xFEE0)).ToString(), // fullwidth ASCII
        >= '\u24B6' and <= '\u24CF' => ((char)('a' + (c - '\u24B6'))).ToString(), // circled capital letters
        >= '\u24D0' and <= '\u24E9' => ((char)('a' + (c - '\u24D0'))).ToString(), // circled small letters
        '\u017F' => "s", // long s
        '\u0131' => "i", // dotless i
        '\u0130' => "i", // capital I with dot above
        '\u212A' => "k", // Kelvin sign
        '\u212B' => "\u00E5", // Ångström sign
        '\uFB00' => "ff",
        '\uFB01' => "fi",
        '\uFB02' => "fl",
        '\uFB03' => "ffi",
        '\uFB04' => "ffl",
        '\uFB05' or '\uFB06' => "st",
        _ => c.ToString(),
    };
}
