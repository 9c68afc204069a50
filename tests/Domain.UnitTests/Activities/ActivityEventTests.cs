using Crm.Domain.Activities;
using Crm.Domain.Activities.Events;

namespace Crm.Domain.UnitTests.Activities;

public sealed class ActivityEventTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);

    [Test]
    public void A_comment_is_announced_and_an_entry_the_system_writes_is_not()
    {
        var author = Guid.NewGuid();
        var comment = Activity.Record(Guid.NewGuid(), Guid.NewGuid(), author, ActivityType.Comment, "{}", Now);
        var system = Activity.Record(Guid.NewGuid(), Guid.NewGuid(), author, ActivityType.StatusChanged, "{}", Now);

        var added = comment.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<CommentAdded>();
        added.ActivityId.ShouldBe(comment.Id);
        added.AuthorId.ShouldBe(author);
        system.DomainEvents.ShouldBeEmpty();
    }
}
