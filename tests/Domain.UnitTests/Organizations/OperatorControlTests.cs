using Crm.Domain.Errors;
using Crm.Domain.Organizations;

namespace Crm.Domain.UnitTests.Organizations;

public sealed class OperatorControlTests
{
    private static readonly DateTime Created = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);

    [Test]
    public void A_suspension_is_kept_with_its_time_until_resumed_and_neither_is_done_twice()
    {
        var organization = Organization.Create("Acme", null, Guid.NewGuid(), Created);

        organization.Suspend(Created.AddDays(1));

        organization.SuspendedAt.ShouldBe(Created.AddDays(1));
        organization.UpdatedAt.ShouldBe(Created.AddDays(1));
        RuleAssert.AssertBrokenRule(() => organization.Suspend(Created.AddDays(2)), "organization_already_suspended", ErrorKind.Conflict);
        organization.SuspendedAt.ShouldBe(Created.AddDays(1));

        organization.Resume(Created.AddDays(3));

        organization.SuspendedAt.ShouldBeNull();
        RuleAssert.AssertBrokenRule(() => organization.Resume(Created.AddDays(4)), "organization_not_suspended", ErrorKind.Conflict);
    }

    [Test]
    public void A_plan_change_moves_the_plan_and_the_update_time()
    {
        var organization = Organization.Create("Acme", null, Guid.NewGuid(), Created);

        organization.ChangePlan(OrganizationPlan.Enterprise, Created.AddHours(1));

        organization.Plan.ShouldBe(OrganizationPlan.Enterprise);
        organization.UpdatedAt.ShouldBe(Created.AddHours(1));
    }
}
