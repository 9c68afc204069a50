using System.Text;

namespace Crm.Infrastructure.Search;

/// <summary>
/// Turns a search headline into the snippet the API promises: HTML-escaped text in which only <c>&lt;mark&gt;</c> and
/// <c>&lt;/mark&gt;</c> are markup. The headline arrives with matches between U+E000 and U+E001, characters the stored
/// text was stripped of; the text is escaped first and the marks placed after, so nothing stored becomes markup.
/// </summary>
internal static class SnippetMarkup
{
    public const char StartMark = '\uE000';
    public const char StopMark = '\uE001';

    public static string Render(string headline)
    {
        var html = new StringBuilder(headline.Length + 16);
        var open = false;
        var start = 0;
        for (var i = 0; i <= headline.Length; i++)
        {
            if (i < headline.Length && headline[i] != StartMark && headline[i] != StopMark)
            {
                continue;
            }

            Escape(html, headline.AsSpan(start, i - start));
            if (i < headline.Length)
            {
                // Marks pair up; a stray one (there should be none) never leaves an element unclosed.
                if (headline[i] == StartMark && !open)
                {
                    html.Append("<mark>");
                    open = true;
                }
                else if (headline[i] == StopMark && open)
                {
                    html.Append("</mark>");
                    open = false;
                }
            }

            start = i + 1;
        }

        if (open)
        {
            html.Append("</mark>");
        }

        return html.ToString();
    }

    /// <summary>The five characters that matter in HTML text and attributes; everything else stays as written.</summary>
    private static void Escape(StringBuilder html, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => html.Append("&amp;"),
                '<' => html.Append("&lt;"),
                '>' => html.Append("&gt;"),
                '"' => html.Append("&quot;"),
                '\'' => html.Append("&#39;"),
                _ => html.Append(c),
            };
        }
    }
}
