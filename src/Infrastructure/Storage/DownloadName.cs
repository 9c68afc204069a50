using System.Text;

namespace Crm.Infrastructure.Storage;

/// <summary>
/// The <c>Content-Disposition</c> of a download (RFC 6266): an ASCII <c>filename</c> every client understands, and the
/// exact name as UTF-8 in <c>filename*</c> (RFC 8187). No control character ever reaches the header.
/// </summary>
public static class DownloadName
{
    public static string ContentDisposition(string fileName)
    {
        var ascii = new StringBuilder(fileName.Length);
        var exact = new StringBuilder(fileName.Length * 3);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in fileName.EnumerateRunes())
        {
            if (Rune.IsControl(rune))
            {
                continue;
            }

            ascii.Append(rune.Value is >= 0x20 and < 0x7F and not ('"' or '\\') ? (char)rune.Value : '_');
            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length])
            {
                // RFC 8187 attr-char: letters, digits and !#$&+-.^_`|~ stay; everything else is percent-encoded.
                if (char.IsAsciiLetterOrDigit((char)b) || "!#$&+-.^_`|~".Contains((char)b, StringComparison.Ordinal))
                {
                    exact.Append((char)b);
                }
                else
                {
                    exact.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        var fallback = ascii.Length == 0 ? "file" : ascii.ToString();
        return exact.ToString() == fallback || exact.Length == 0
            ? $"attachment; filename=\"{fallback}\""
            : $"attachment; filename=\"{fallback}\"; filename*=UTF-8''{exact}";
    }
}
