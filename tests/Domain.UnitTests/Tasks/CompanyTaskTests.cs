using Crm.Domain.Companies;
using Crm.Domain.Errors;
using Crm.Domain.Organizations;
using Crm.Domain.Tasks;
using static Crm.Domain.UnitTests.RuleAssert;

namespace Crm.Domain.UnitTests.Tasks;

public sealed class CompanyTaskTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 11, 20);
    private static readonly Actor Member = new(Guid.NewGuid(), MemberRole.Member);

    private static Company CompanyOf(Actor owner) => Company.Create(Guid.NewGuid(), owner, null, new CompanyDetails("Initech"), Now);

    [Test]
    public void A_task_on_a_company_names_the_company_only()
    {
        var company = CompanyOf(Member);

        var task = DealTask.Create(company, Member, "Renewal", null, null, Today, Now);

        task.CompanyId.ShouldBe(company.Id);
        task.DealId.ShouldBeNull();
        task.ContactId.ShouldBeNull();
        task.OrganizationId.ShouldBe(company.OrganizationId);
    }

    [Test]
    public void A_member_adds_tasks_to_its_own_companies_only_and_a_manager_to_any()
    {
        var company = CompanyOf(new Actor(Guid.NewGuid(), MemberRole.Member));

        AssertBrokenRule(() => DealTask.Create(company, Member, "Renewal", null, null, Today, Now), "not_record_owner", ErrorKind.Forbidden);
        DealTask.Create(company, new Actor(Guid.NewGuid(), MemberRole.Manager), "Renewal", null, null, Today, Now).CompanyId.ShouldBe(company.Id);
    }

    [Test]
    public void A_company_task_is_changed_with_its_own_company_only()
    {
        var company = CompanyOf(Member);
        var task = DealTask.Create(company, Member, "Renewal", null, null, Today, Now);

        Should.Throw<InvalidOperationException>(() => task.Update(CompanyOf(Member), Member, new TaskChanges(IsDone: true), Today, Now));
        task.Update(company, Member, new TaskChanges(IsDone: true), Today, Now);
        task.IsDone.ShouldBeTrue();
    }
}
