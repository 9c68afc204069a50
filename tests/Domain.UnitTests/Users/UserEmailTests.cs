using Crm.Domain.Errors;
using Crm.Domain.Users;
using static Crm.Domain.UnitTests.RuleAssert;

namespace Crm.Domain.UnitTests.Users;

public sealed class UserEmailTests
{
    private static readonly DateTime Now = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);

    [TestCase("sales@acme.com", "\u017Fales@acme.com")] // long s
    [TestCase("info@acme.com", "\u0131nfo@acme.com")] // dotless i
    [TestCase("kim@acme.com", "\u212Aim@acme.com")] // Kelvin sign
    [TestCase("sales@acme.com", "  SALES@Acme.COM ")]
    [TestCase("sales@acme.com", "\uFF53ales@acme.com")] // fullwidth s
    [TestCase("office@acme.com", "o\uFB03ce@acme.com")] // the ffi ligature
    [TestCase("bob@acme.com", "\u24B7\u24DE\u24D1@acme.com")] // circled letters
    public void Addresses_differing_by_case_compatibility_forms_or_confusables_are_one_address(string plain, string confusable) =>
        User.Normalize(confusable).ShouldBe(User.Normalize(plain));

    [Test]
    public void Different_addresses_stay_different() =>
        User.Normalize("sales@acme.com").ShouldNotBe(User.Normalize("sale@acme.com"));

    [Test]
    public void An_ASCII_address_keeps_the_canonical_form_stored_before() =>
        User.Normalize(" Grace@Example.com ").ShouldBe("GRACE@EXAMPLE.COM");

    [TestCase("grace@example.com")]
    [TestCase("grace.hopper+crm@mail.example.co.uk")]
    [TestCase("gr\u00E2ce@ex\u00E4mple.com")]
    public void A_mailbox_address_is_plausible(string email) => User.IsPlausibleEmail(email).ShouldBeTrue();

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("no-at-sign.example.com")]
    [TestCase("@example.com")]
    [TestCase("grace@")]
    [TestCase("two@at@example.com")]
    [TestCase("grace hopper@example.com")]
    [TestCase("grace@exa mple.com")]
    [TestCase("grace\u0000@example.com")]
    [TestCase("grace\r\n@example.com")]
    [TestCase("grace\u200B@example.com")] // zero-width space: invisible
    [TestCase("gra\u0301ce@example.com")] // a combining accent: no fold defined
    [TestCase("\uD835\uDC2Crace@example.com")] // mathematical bold g
    [TestCase("grace@.example.com")]
    [TestCase("grace@example..com")]
    public void Anything_else_is_not_a_mailbox(string email) => User.IsPlausibleEmail(email).ShouldBeFalse();

    [Test]
    public void A_registered_account_is_unverified_and_the_newest_link_verifies_it_once()
    {
        var user = User.Register("grace@example.com", "Grace", "hash", Now);
        user.EmailVerified.ShouldBeFalse();

        user.IssueEmailVerification([1], Now);
        user.EmailVerificationExpiresAt.ShouldBe(Now.AddHours(24));
        user.VerifyEmail(Now.AddHours(23));

        user.EmailVerified.ShouldBeTrue();
        user.EmailVerificationTokenHash.ShouldBeNull();
        AssertBrokenRule(() => user.VerifyEmail(Now.AddHours(23)), "invalid_verification_token", ErrorKind.Invalid);
        AssertBrokenRule(() => user.IssueEmailVerification([2], Now), "email_already_verified", ErrorKind.Conflict);
    }

    [Test]
    public void A_link_is_refused_once_24_hours_have_passed()
    {
        var user = User.Register("grace@example.com", "Grace", "hash", Now);
        user.IssueEmailVerification([1], Now);

        AssertBrokenRule(() => user.VerifyEmail(Now.AddHours(24)), "invalid_verification_token", ErrorKind.Invalid);
        user.EmailVerified.ShouldBeFalse();
    }

    [Test]
    public void Without_a_link_nothing_verifies_the_account() =>
        AssertBrokenRule(() => User.Register("g@example.com", "G", "hash", Now).VerifyEmail(Now), "invalid_verification_token", ErrorKind.Invalid);

    [Test]
    public void An_invitation_link_proves_the_address()
    {
        var user = User.Register("grace@example.com", "Grace", "hash", Now);
        user.IssueEmailVerification([1], Now);

        user.ConfirmEmail(Now);

        user.EmailVerifiedAt.ShouldBe(Now);
        user.EmailVerificationTokenHash.ShouldBeNull();
    }
}
