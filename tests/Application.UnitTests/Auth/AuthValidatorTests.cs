using Crm.Application.Auth.Commands.Refresh;
using Crm.Application.Auth.Commands.Register;
using Crm.Application.Auth.Common;

namespace Crm.Application.UnitTests.Auth;

public sealed class AuthValidatorTests
{
    private readonly RegisterValidator _validator = new();

    [TestCase("Password123")]
    [TestCase("qwertyuiop")]
    [TestCase(" 1234567890 ")]
    public void Common_passwords_are_refused_whatever_their_case(string password)
    {
        PasswordPolicy.IsCommon(password).ShouldBeTrue();
        _validator.Validate(Valid() with { Password = password }).Errors.ShouldContain(e => e.PropertyName == "Password");
    }

    [Test]
    public void A_password_shorter_than_ten_characters_is_refused() =>
        _validator.Validate(Valid() with { Password = "short-pw!" }).Errors.ShouldContain(e => e.PropertyName == "Password");

    [Test]
    public void A_password_equal_to_the_email_is_refused() =>
        _validator.Validate(Valid() with { Password = "Someone@Example.com", Email = "someone@example.com" })
            .Errors.ShouldContain(e => e.ErrorMessage == "must not be the email address");

    [Test]
    public void An_invalid_email_and_overlong_names_are_refused()
    {
        var result = _validator.Validate(Valid() with { Email = "not-an-email", Name = new string('n', 201), OrganizationName = new string('o', 201) });

        result.Errors.Select(e => e.PropertyName).ShouldBe(["Email", "Name", "OrganizationName"], ignoreOrder: true);
    }

    [TestCase("grace hopper@example.com")]
    [TestCase("grace\u0007@example.com")]
    [TestCase("grace@exa\tmple.com")]
    [TestCase("grace.example.com")]
    public void An_address_that_cannot_be_a_mailbox_is_refused(string email) =>
        _validator.Validate(Valid() with { Email = email }).Errors.ShouldContain(e => e.PropertyName == "Email");

    [Test]
    public void A_complete_registration_is_valid() => _validator.Validate(Valid()).IsValid.ShouldBeTrue();

    [Test]
    public void A_missing_refresh_token_is_invalid_input() =>
        new RefreshValidator().Validate(new RefreshCommand(null!)).Errors.ShouldContain(e => e.PropertyName == "RefreshToken");

    [TestCase("")]
    [TestCase("eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl")]
    public void Any_refresh_token_given_passes_to_the_handler_which_answers_401_for_a_malformed_one(string token) =>
        new RefreshValidator().Validate(new RefreshCommand(token)).IsValid.ShouldBeTrue();

    private static RegisterCommand Valid() => new("someone@example.com", "a-long-unusual-pass", "Someone", "Org");
}
