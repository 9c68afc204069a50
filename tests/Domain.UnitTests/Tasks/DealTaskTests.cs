using Crm.Domain.Deals;
using Crm.Domain.Errors;
using Crm.Domain.Organizations;
using Crm.Domain.Tasks;
using static Crm.Domain.UnitTests.RuleAssert;

namespace Crm.Domain.UnitTests.Tasks;

public sealed class DealTaskTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 11, 20);
    private static readonly Actor Member = new(Guid.NewGuid(), MemberRole.Member);

    [Test]
    public void A_task_may_be_due_today_but_not_before()
    {
        var deal = DealOf(Member);

        DealTask.Create(deal, Member, "Call", null, Today, Today, Now).DueDate.ShouldBe(Today);
        AssertBrokenRule(() => DealTask.Create(deal, Member, "Call", null, Today.AddDays(-1), Today, Now), "due_date_in_past", ErrorKind.Invalid);
    }

    [Test]
    public void Creating_a_task_announces_it_for_the_deals_timeline()
    {
        var task = DealTask.Create(DealOf(Member), Member, "Call", null, null, Today, Now);

        task.DomainEvents.OfType<TaskCreated>().ShouldHaveSingleItem().TaskId.ShouldBe(task.Id);
    }

    [Test]
    public void A_member_works_only_on_tasks_of_deals_it_owns()
    {
        var otherDeal = DealOf(new Actor(Guid.NewGuid(), MemberRole.Admin));

        AssertBrokenRule(() => DealTask.Create(otherDeal, Member, "Call", null, null, Today, Now), "not_deal_owner", ErrorKind.Forbidden);

        var manager = new Actor(Guid.NewGuid(), MemberRole.Manager);
        var task = DealTask.Create(otherDeal, manager, "Call", null, null, Today, Now);
        AssertBrokenRule(() => task.Update(otherDeal, Member, new TaskChanges(IsDone: true), Today, Now), "not_deal_owner", ErrorKind.Forbidden);
        AssertBrokenRule(() => task.Delete(otherDeal, Member), "not_deal_owner", ErrorKind.Forbidden);
    }

    [Test]
    public void Completing_a_task_records_when_and_announces_it_once()
    {
        var deal = DealOf(Member);
        var task = DealTask.Create(deal, Member, "Call", null, null, Today, Now);
        task.ClearDomainEvents();

        task.Update(deal, Member, new TaskChanges(IsDone: true), Today, Now.AddHours(2));
        task.Update(deal, Member, new TaskChanges(IsDone: true), Today, Now.AddHours(3));

        task.IsDone.ShouldBeTrue();
        task.CompletedAt.ShouldBe(Now.AddHours(2));
        task.DomainEvents.OfType<TaskCompleted>().ShouldHaveSingleItem();
    }

    [Test]
    public void A_due_date_already_past_may_stay_while_other_fields_change()
    {
        var deal = DealOf(Member);
        var task = DealTask.Create(deal, Member, "Call", null, Today, Today, Now);

        task.Update(deal, Member, new TaskChanges(Title: "Call back"), Today.AddDays(5), Now.AddDays(5));
        AssertBrokenRule(
            () => task.Update(deal, Member, new TaskChanges(DueDate: Today.AddDays(1)), Today.AddDays(5), Now.AddDays(5)),
            "due_date_in_past",
            ErrorKind.Invalid);

        task.Title.ShouldBe("Call back");
    }

    private static Deal DealOf(Actor owner) =>
        Deal.Open(Guid.NewGuid(), owner, Guid.NewGuid(), "Deal", 10m, "USD", DealStage.Qualification, null, Now);
}
