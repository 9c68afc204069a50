using Crm.Domain.Errors;
using Crm.Domain.Organizations;
using static Crm.Domain.UnitTests.RuleAssert;

namespace Crm.Domain.UnitTests.Organizations;

public sealed class TimeZoneTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);

    [Test]
    public void An_organization_starts_in_utc_and_an_administrator_sets_an_iana_zone()
    {
        var owner = new Actor(Guid.NewGuid(), MemberRole.Owner);
        var organization = Organization.Create("Acme", null, owner.UserId, Now);
        organization.TimeZone.ShouldBe("UTC");

        organization.ChangeSettings(owner, null, null, Now, "Europe/Paris");

        organization.TimeZone.ShouldBe("Europe/Paris");
    }

    [TestCase("Mars/Olympus")]
    [TestCase("Pacific Standard Time")]
    [TestCase("europe/nowhere")]
    public void A_zone_that_is_not_a_known_iana_name_is_refused(string zone)
    {
        var owner = new Actor(Guid.NewGuid(), MemberRole.Owner);
        var organization = Organization.Create("Acme", null, owner.UserId, Now);

        AssertBrokenRule(() => organization.ChangeSettings(owner, null, null, Now, zone), "invalid_time_zone", ErrorKind.Invalid);
        organization.TimeZone.ShouldBe("UTC");
    }

    [Test]
    public void A_manager_cannot_change_the_zone()
    {
        var owner = new Actor(Guid.NewGuid(), MemberRole.Owner);
        var organization = Organization.Create("Acme", null, owner.UserId, Now);

        Should.Throw<Crm.Domain.Common.BusinessRuleException>(
            () => organization.ChangeSettings(new Actor(Guid.NewGuid(), MemberRole.Manager), null, null, Now, "Europe/Paris"));
    }

    [Test]
    public void Today_is_the_calendar_day_in_the_zone()
    {
        var lateEvening = new DateTimeOffset(2026, 11, 20, 23, 30, 0, TimeSpan.Zero);

        OrganizationTimeZones.Today("UTC", lateEvening).ShouldBe(new DateOnly(2026, 11, 20));
        OrganizationTimeZones.Today("Pacific/Auckland", lateEvening).ShouldBe(new DateOnly(2026, 11, 21));
        OrganizationTimeZones.Today("America/Los_Angeles", new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero))
            .ShouldBe(new DateOnly(2026, 11, 19));
    }
}
