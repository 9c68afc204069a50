using Crm.Domain.ApiKeys;
using Crm.Domain.Errors;
using Crm.Domain.Organizations;
using Crm.Domain.Users;
using static Crm.Domain.UnitTests.RuleAssert;

namespace Crm.Domain.UnitTests.ApiKeys;

public sealed class ApiKeyTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Organization = Guid.NewGuid();

    private static Actor As(MemberRole role) => new(Guid.NewGuid(), role);

    private static ApiKey Issue(Actor actor, MemberRole role, DateTime? expiresAt = null, bool readOnly = false) =>
        ApiKey.Issue(Organization, actor, "  Billing sync ", role, readOnly, expiresAt, "crm_abcdefgh", [1, 2, 3], Now);

    [TestCase(MemberRole.Owner, MemberRole.Admin)]
    [TestCase(MemberRole.Owner, MemberRole.Member)]
    [TestCase(MemberRole.Admin, MemberRole.Manager)]
    [TestCase(MemberRole.Admin, MemberRole.Member)]
    public void An_administrator_issues_a_key_with_a_role_below_owner(MemberRole issuer, MemberRole role)
    {
        var actor = As(issuer);

        var key = Issue(actor, role, Now.AddDays(30), readOnly: true);

        key.Name.ShouldBe("Billing sync");
        key.Role.ShouldBe(role);
        key.ReadOnly.ShouldBeTrue();
        key.CreatedBy.ShouldBe(actor.UserId);
        key.OrganizationId.ShouldBe(Organization);
        key.ExpiresAt.ShouldBe(Now.AddDays(30));
        key.LastUsedAt.ShouldBeNull();
    }

    [TestCase(MemberRole.Manager)]
    [TestCase(MemberRole.Member)]
    public void Only_an_administrator_issues_keys(MemberRole issuer) =>
        AssertBrokenRule(() => Issue(As(issuer), MemberRole.Member), "insufficient_role", ErrorKind.Forbidden);

    [TestCase(MemberRole.Owner)]
    [TestCase(MemberRole.Admin)]
    public void No_key_holds_the_owner_role(MemberRole issuer) =>
        AssertBrokenRule(() => Issue(As(issuer), MemberRole.Owner), "api_key_owner_role", ErrorKind.Invalid);

    [Test]
    public void Only_an_owner_issues_an_admin_key() =>
        AssertBrokenRule(() => Issue(As(MemberRole.Admin), MemberRole.Admin), "api_key_admin_requires_owner", ErrorKind.Forbidden);

    [Test]
    public void A_key_cannot_be_born_expired()
    {
        AssertBrokenRule(() => Issue(As(MemberRole.Owner), MemberRole.Member, Now), "api_key_expiry_in_past", ErrorKind.Invalid);
        AssertBrokenRule(() => Issue(As(MemberRole.Owner), MemberRole.Member, Now.AddSeconds(-1)), "api_key_expiry_in_past", ErrorKind.Invalid);
        Issue(As(MemberRole.Owner), MemberRole.Member, Now.AddSeconds(1)).ExpiresAt.ShouldBe(Now.AddSeconds(1));
    }

    [Test]
    public void Any_administrator_revokes_any_key_once()
    {
        var key = Issue(As(MemberRole.Owner), MemberRole.Admin);
        var admin = As(MemberRole.Admin);

        key.Revoke(admin, Now);

        key.RevokedAt.ShouldBe(Now);
        key.RevokedBy.ShouldBe(admin.UserId);
        AssertBrokenRule(() => key.Revoke(As(MemberRole.Owner), Now), "api_key_not_found", ErrorKind.NotFound);
    }

    [Test]
    public void Only_an_administrator_revokes_a_key()
    {
        var key = Issue(As(MemberRole.Owner), MemberRole.Member);

        AssertBrokenRule(() => key.Revoke(As(MemberRole.Manager), Now), "insufficient_role", ErrorKind.Forbidden);
        key.RevokedAt.ShouldBeNull();
    }

    [Test]
    public void A_key_works_until_revoked_or_expired()
    {
        ApiKey.IsUsable(null, null, Now).ShouldBeTrue();
        ApiKey.IsUsable(null, Now.AddTicks(1), Now).ShouldBeTrue();
        ApiKey.IsUsable(null, Now, Now).ShouldBeFalse();
        ApiKey.IsUsable(Now.AddDays(-1), null, Now).ShouldBeFalse();
    }

    [Test]
    public void Its_last_use_is_written_at_most_once_a_minute()
    {
        ApiKey.IsLastUseStale(null, Now).ShouldBeTrue();
        ApiKey.IsLastUseStale(Now.AddSeconds(-59), Now).ShouldBeFalse();
        ApiKey.IsLastUseStale(Now.AddMinutes(-1), Now).ShouldBeTrue();
    }

    [Test]
    public void Its_service_user_shares_its_id_and_cannot_be_named_by_an_address()
    {
        var key = Issue(As(MemberRole.Owner), MemberRole.Member);

        var user = User.ServiceAccount(key.Id, key.Name, Now);

        user.Id.ShouldBe(key.Id);
        user.Name.ShouldBe("Billing sync");
        User.IsPlausibleEmail(user.Email).ShouldBeFalse();
        user.PasswordHash.ShouldBeEmpty();
    }
}
