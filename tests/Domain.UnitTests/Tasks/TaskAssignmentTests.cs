using Crm.Domain.Contacts;
using Crm.Domain.Deals;
using Crm.Domain.Errors;
using Crm.Domain.Organizations;
using Crm.Domain.Tasks;
using Crm.Domain.Tasks.Events;
using static Crm.Domain.UnitTests.RuleAssert;

namespace Crm.Domain.UnitTests.Tasks;

public sealed class TaskAssignmentTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 11, 20);
    private static readonly Actor Member = new(Guid.NewGuid(), MemberRole.Member);
    private static readonly Actor Colleague = new(Guid.NewGuid(), MemberRole.Member);
    private static readonly Actor Manager = new(Guid.NewGuid(), MemberRole.Manager);

    [Test]
    public void A_task_is_assigned_to_its_creator_unless_it_names_someone()
    {
        var deal = DealOf(Member);

        DealTask.Create(deal, Member, "Call", null, null, Today, Now).AssigneeId.ShouldBe(Member.UserId);
        DealTask.Create(deal, Member, "Call", null, null, Today, Now, Colleague.UserId).AssigneeId.ShouldBe(Colleague.UserId);
    }

    [Test]
    public void Giving_a_new_task_to_someone_else_announces_the_assignment_and_keeping_it_does_not()
    {
        var deal = DealOf(Member);

        DealTask.Create(deal, Member, "Call", null, null, Today, Now).DomainEvents.OfType<TaskAssigned>().ShouldBeEmpty();
        var given = DealTask.Create(deal, Member, "Call", null, null, Today, Now, Colleague.UserId);
        var assigned = given.DomainEvents.OfType<TaskAssigned>().ShouldHaveSingleItem();
        (assigned.From, assigned.To, assigned.DealId).ShouldBe((null, Colleague.UserId, deal.Id));
    }

    [Test]
    public void A_member_may_change_a_task_assigned_to_it_on_a_deal_it_does_not_own()
    {
        var deal = DealOf(Manager);
        var task = DealTask.Create(deal, Manager, "Call", null, null, Today, Now, Member.UserId);

        task.Update(deal, Member, new TaskChanges(IsDone: true, Title: "Called"), Today, Now);

        task.IsDone.ShouldBeTrue();
        task.Title.ShouldBe("Called");
    }

    [Test]
    public void The_assignee_may_hand_the_task_on_and_then_no_longer_changes_it()
    {
        var deal = DealOf(Manager);
        var task = DealTask.Create(deal, Manager, "Call", null, null, Today, Now, Member.UserId);

        task.Update(deal, Member, new TaskChanges(AssigneeId: Colleague.UserId), Today, Now);

        task.AssigneeId.ShouldBe(Colleague.UserId);
        AssertBrokenRule(() => task.Update(deal, Member, new TaskChanges(Title: "Mine again"), Today, Now), "not_deal_owner", ErrorKind.Forbidden);
    }

    [Test]
    public void A_member_neither_owning_the_deal_nor_assigned_is_refused()
    {
        var deal = DealOf(Manager);
        var task = DealTask.Create(deal, Manager, "Call", null, null, Today, Now, Colleague.UserId);

        AssertBrokenRule(() => task.Update(deal, Member, new TaskChanges(AssigneeId: Member.UserId), Today, Now), "not_deal_owner", ErrorKind.Forbidden);
        task.AssigneeId.ShouldBe(Colleague.UserId);
    }

    [Test]
    public void Being_the_assignee_is_not_enough_to_delete_a_task()
    {
        var deal = DealOf(Manager);
        var task = DealTask.Create(deal, Manager, "Call", null, null, Today, Now, Member.UserId);

        AssertBrokenRule(() => task.Delete(deal, Member), "not_deal_owner", ErrorKind.Forbidden);
        task.Delete(deal, Manager);
    }

    [Test]
    public void A_member_owning_the_deal_assigns_its_task_to_anyone_and_managers_change_every_task()
    {
        var deal = DealOf(Member);
        var task = DealTask.Create(deal, Member, "Call", null, null, Today, Now);

        task.Update(deal, Member, new TaskChanges(AssigneeId: Colleague.UserId), Today, Now);
        task.Update(deal, Manager, new TaskChanges(AssigneeId: Manager.UserId), Today, Now);

        task.AssigneeId.ShouldBe(Manager.UserId);
    }

    [Test]
    public void Reassigning_announces_the_change_for_the_timeline_and_webhooks()
    {
        var deal = DealOf(Member);
        var task = DealTask.Create(deal, Member, "Call", null, null, Today, Now);
        task.ClearDomainEvents();

        task.Update(deal, Member, new TaskChanges(AssigneeId: Colleague.UserId), Today, Now);

        var assigned = task.DomainEvents.OfType<TaskAssigned>().ShouldHaveSingleItem();
        (assigned.From, assigned.To).ShouldBe((Member.UserId, Colleague.UserId));
        var change = task.DomainEvents.OfType<TaskUpdated>().ShouldHaveSingleItem().Changes.ShouldHaveSingleItem();
        (change.Field, change.From, change.To).ShouldBe(("assignee_id", (object?)Member.UserId, (object?)Colleague.UserId));
    }

    [Test]
    public void Assigning_the_same_person_again_announces_nothing()
    {
        var deal = DealOf(Member);
        var task = DealTask.Create(deal, Member, "Call", null, null, Today, Now);
        task.ClearDomainEvents();

        task.Update(deal, Member, new TaskChanges(AssigneeId: Member.UserId), Today, Now);

        task.DomainEvents.ShouldBeEmpty();
    }

    [Test]
    public void A_task_of_a_leaving_member_is_left_to_nobody_once()
    {
        var deal = DealOf(Manager);
        var task = DealTask.Create(deal, Manager, "Call", null, null, Today, Now, Member.UserId);
        task.ClearDomainEvents();

        task.ReleaseAssignee(Manager.UserId, Now.AddHours(1));
        task.ReleaseAssignee(Manager.UserId, Now.AddHours(2));

        task.AssigneeId.ShouldBeNull();
        task.UpdatedAt.ShouldBe(Now.AddHours(1));
        task.DomainEvents.OfType<TaskAssigned>().ShouldHaveSingleItem().To.ShouldBeNull();
    }

    [Test]
    public void A_contacts_task_follows_the_contacts_owner()
    {
        var contact = Contact.Create(Guid.NewGuid(), Manager, null, "Ada", null, null, Now);

        var task = DealTask.Create(contact, Manager, "Call", null, null, Today, Now, Member.UserId);
        (task.ContactId, task.DealId).ShouldBe((contact.Id, null));
        task.DomainEvents.OfType<TaskCreated>().ShouldHaveSingleItem().DealId.ShouldBeNull();

        AssertBrokenRule(() => DealTask.Create(contact, Member, "Call", null, null, Today, Now), "not_record_owner", ErrorKind.Forbidden);
        task.Update(contact, Member, new TaskChanges(IsDone: true), Today, Now);
        AssertBrokenRule(() => task.Update(contact, Colleague, new TaskChanges(IsDone: false), Today, Now), "not_record_owner", ErrorKind.Forbidden);
        AssertBrokenRule(() => task.Delete(contact, Member), "not_record_owner", ErrorKind.Forbidden);
    }

    [Test]
    public void A_task_is_changed_only_with_the_record_it_is_on()
    {
        var deal = DealOf(Member);
        var task = DealTask.Create(deal, Member, "Call", null, null, Today, Now);

        Should.Throw<InvalidOperationException>(() => task.Update(DealOf(Member), Member, new TaskChanges(IsDone: true), Today, Now));
    }

    private static Deal DealOf(Actor owner) =>
        Deal.Open(Guid.NewGuid(), owner, Guid.NewGuid(), "Deal", 10m, "USD", DealStage.Qualification, null, Now);
}
