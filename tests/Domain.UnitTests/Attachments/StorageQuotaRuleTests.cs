using Crm.Domain.Attachments.Rules;
using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Domain.UnitTests.Attachments;

public sealed class StorageQuotaRuleTests
{
    [TestCase(0, 1000, 1000, false)]
    [TestCase(999, 1, 1000, false)]
    [TestCase(999, 2, 1000, true)]
    [TestCase(1000, 1, 1000, true)]
    [TestCase(1200, 1, 1000, true)]
    public void A_file_fits_only_within_the_quota(long used, long size, long quota, bool broken) =>
        new StorageQuotaNotExceeded(used, size, quota).IsBroken().ShouldBe(broken);

    [Test]
    public void Huge_figures_cannot_overflow_into_a_fit() =>
        new StorageQuotaNotExceeded(long.MaxValue - 1, long.MaxValue, long.MaxValue).IsBroken().ShouldBeTrue();

    [Test]
    public void A_file_past_the_quota_is_a_conflict_saying_how_much_is_in_use()
    {
        var error = RuleAssert.AssertBrokenRule(
            () => BusinessRules.Check(new StorageQuotaNotExceeded(900, 200, 1000)), "storage_quota_exceeded", ErrorKind.Conflict);

        error.Detail.ShouldBe("900 of the organization's 1000 bytes are in use; this file needs 200 more.");
    }
}
