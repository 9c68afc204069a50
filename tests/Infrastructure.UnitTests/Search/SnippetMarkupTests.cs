using Crm.Infrastructure.Search;

namespace Crm.Infrastructure.UnitTests.Search;

public sealed class SnippetMarkupTests
{
    [Test]
    public void Stored_markup_is_escaped_and_only_the_marks_become_elements()
    {
        var headline = "Bob <img src=x onerror=alert(1)> \uE000Smith\uE001 & 'co' \"x\"";

        SnippetMarkup.Render(headline).ShouldBe(
            "Bob &lt;img src=x onerror=alert(1)&gt; <mark>Smith</mark> &amp; &#39;co&#39; &quot;x&quot;");
    }

    [Test]
    public void A_mark_inside_a_word_and_text_without_marks_are_kept()
    {
        SnippetMarkup.Render("pre\uE000fix\uE001ed").ShouldBe("pre<mark>fix</mark>ed");
        SnippetMarkup.Render("José Müller").ShouldBe("José Müller");
        SnippetMarkup.Render(string.Empty).ShouldBe(string.Empty);
    }

    [Test]
    public void Stray_marks_never_leave_an_element_unclosed()
    {
        SnippetMarkup.Render("a\uE001b").ShouldBe("ab");
        SnippetMarkup.Render("a\uE000b").ShouldBe("a<mark>b</mark>");
        SnippetMarkup.Render("\uE000a\uE000b\uE001").ShouldBe("<mark>ab</mark>");
    }
}
