using Crm.Application.Common.Validation;

namespace Crm.Application.UnitTests.Validation;

public sealed class TextInputTests
{
    [TestCase("Ada Lovelace")]
    [TestCase("Zoë Ünal – 日本 👩‍💻")]
    [TestCase("")]
    public void Ordinary_text_is_accepted(string text)
    {
        TextInput.Refusal(text).ShouldBeNull();
    }

    [TestCase("a\0b", TextInput.ControlCharacterMessage)]
    [TestCase("\u0007bell", TextInput.ControlCharacterMessage)]
    [TestCase("esc\u001b[2J", TextInput.ControlCharacterMessage)]
    [TestCase("del\u007f", TextInput.ControlCharacterMessage)]
    [TestCase("c1\u0085", TextInput.ControlCharacterMessage)]
    [TestCase("tab\there", TextInput.LineBreakMessage)]
    [TestCase("two\nlines", TextInput.LineBreakMessage)]
    [TestCase("carriage\rreturn", TextInput.LineBreakMessage)]
    public void A_single_line_field_refuses_control_characters_line_breaks_and_lone_surrogates(string text, string message)
    {
        TextInput.Refusal(text).ShouldBe(message);
    }

    // Built at run time: an attribute's strings are stored as UTF-8, where a lone surrogate cannot survive.
    [TestCaseSource(nameof(LoneSurrogates))]
    public void A_lone_surrogate_is_refused_in_any_field(string text)
    {
        TextInput.Refusal(text).ShouldBe(TextInput.SurrogateMessage);
        TextInput.Refusal(text, multiline: true).ShouldBe(TextInput.SurrogateMessage);
    }

    [Test]
    public void A_multi_line_field_takes_tab_line_feed_and_carriage_return_but_no_other_control_character()
    {
        TextInput.Refusal("first\r\n\tsecond\nthird", multiline: true).ShouldBeNull();
        TextInput.Refusal("first\n\0second", multiline: true).ShouldBe(TextInput.ControlCharacterMessage);
    }

    private static IEnumerable<string> LoneSurrogates() =>
    [
        "lone " + (char)0xD800 + " high",
        "lone " + (char)0xDC00 + " low",
        "ends high " + (char)0xD83D,
        "reversed " + (char)0xDE00 + (char)0xD83D + " pair",
    ];
}
