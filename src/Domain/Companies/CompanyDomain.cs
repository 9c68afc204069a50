using System.Text.RegularExpressions;

namespace Crm.Domain.Companies;

/// <summary>
/// A company's web domain in one canonical form, so that <c>https://www.Example.com/about</c> and <c>example.com</c>
/// are the same company: lower case, without scheme, user, <c>www.</c>, port, path, query or trailing dot.
/// Internationalised names are accepted in their ASCII (punycode, <c>xn--</c>) form only.
/// </summary>
public static partial class CompanyDomain
{
    public const int MaxLength = 253;

    /// <summary>The canonical form, or null for nothing; a value that is not a domain stays as sent (see <see cref="IsValid"/>).</summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var domain = value.Trim().ToLowerInvariant();
        var scheme = domain.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            domain = domain[(scheme + 3)..];
        }
        else if (domain.StartsWith("//", StringComparison.Ordinal))
        {
            domain = domain[2..];
        }

        var end = domain.IndexOfAny(['/', '?', '#']);
        if (end >= 0)
        {
            domain = domain[..end];
        }

        var user = domain.LastIndexOf('@');
        if (user >= 0)
        {
            domain = domain[(user + 1)..];
        }

        var port = domain.IndexOf(':');
        if (port >= 0)
        {
            domain = domain[..port];
        }

        domain = domain.TrimEnd('.');
        if (domain.StartsWith("www.", StringComparison.Ordinal))
        {
            domain = domain[4..];
        }

        return domain;
    }

    /// <summary>
    /// Whether the value, once normalised, is a public host name: ASCII labels of letters, digits and inner hyphens,
    /// at least two, a top-level label that is not a number (no IP addresses).
    /// </summary>
    public static bool IsValid(string? value)
    {
        if (value is null)
        {
            return true;
        }

        var domain = Normalize(value);
        if (string.IsNullOrEmpty(domain) || domain.Length > MaxLength || !HostName().IsMatch(domain))
        {
            return false;
        }

        var labels = domain.Split('.');
        return labels.Length >= 2 && labels.All(l => l.Length <= 63) && !labels[^1].All(char.IsAsciiDigit);
    }

    [GeneratedRegex(@"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$")]
    private static partial Regex HostName();
}
