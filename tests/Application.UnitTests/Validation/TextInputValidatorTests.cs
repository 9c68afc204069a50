using Crm.Application.Common.Validation;
using Crm.Domain.Common;

namespace Crm.Application.UnitTests.Validation;

public sealed class TextInputValidatorTests
{
    [Test]
    public void Every_text_of_a_request_is_checked_and_named_by_its_snake_case_path()
    {
        var request = new Sample(
            "a\0b",
            new Optional<string?>(true, "x\u0001"),
            ["fine", "bad\u001f"],
            new Nested("ok\n\tmulti", "single\nline"),
            "multi\r\nline",
            Stream.Null);

        var errors = new TextInputValidator<Sample>().Validate(request).Errors
            .ToDictionary(e => e.PropertyName, e => e.ErrorMessage);

        errors.ShouldBe(new Dictionary<string, string>
        {
            ["display_name"] = TextInput.ControlCharacterMessage,
            ["nickname"] = TextInput.ControlCharacterMessage,
            ["tags[1]"] = TextInput.ControlCharacterMessage,
            ["payload.title"] = TextInput.LineBreakMessage,
        });
    }

    [Test]
    public void A_partial_update_field_left_out_is_not_read()
    {
        var request = new Sample("ok", default, [], null, null, Stream.Null);

        new TextInputValidator<Sample>().Validate(request).IsValid.ShouldBeTrue();
    }

    public sealed record Sample(
        string DisplayName,
        Optional<string?> Nickname,
        IReadOnlyList<string> Tags,
        Nested? Payload,
        [MultilineText] string? Notes,
        Stream Content);

    public sealed record Nested([MultilineText] string Body, string Title);
}
