using Crm.Domain.Deals;
using Crm.Domain.Organizations;
using Crm.Domain.Tasks;
using Crm.Domain.Tasks.Events;

namespace Crm.Domain.UnitTests.Tasks;

public sealed class DealTaskEventTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 11, 20);
    private static readonly Actor Manager = new(Guid.NewGuid(), MemberRole.Manager);

    [Test]
    public void Completing_a_task_announces_the_update_of_every_changed_field_then_the_completion()
    {
        var deal = Deal.Open(Guid.NewGuid(), Manager, Guid.NewGuid(), "Deal", 0m, "USD", DealStage.Qualification, null, Now);
        var task = DealTask.Create(deal, Manager, "Call", null, null, Today, Now);
        task.ClearDomainEvents();

        task.Update(deal, Manager, new TaskChanges(Title: "Call again", DueDate: Today, IsDone: true), Today, Now);

        task.DomainEvents.Select(e => e.GetType()).ShouldBe([typeof(TaskUpdated), typeof(TaskCompleted)]);
        task.DomainEvents.OfType<TaskUpdated>().Single().Changes.Select(c => (c.Field, c.From, c.To)).ShouldBe(
        [
            ("title", (object?)"Call", (object?)"Call again"),
            ("due_date", null, Today),
            ("is_done", false, true),
        ]);
    }

    [Test]
    public void An_update_that_changes_nothing_announces_nothing_and_a_deletion_is_announced()
    {
        var deal = Deal.Open(Guid.NewGuid(), Manager, Guid.NewGuid(), "Deal", 0m, "USD", DealStage.Qualification, null, Now);
        var task = DealTask.Create(deal, Manager, "Call", null, null, Today, Now);
        task.ClearDomainEvents();

        task.Update(deal, Manager, new TaskChanges(Title: "Call"), Today, Now);
        task.DomainEvents.ShouldBeEmpty();

        task.Delete(deal, Manager);
        task.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<TaskDeleted>().TaskId.ShouldBe(task.Id);
    }
}
