using AutoMapper;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Mapping;
using Crm.Application.Common.Security;
using Crm.Application.Common.Transactions;
using Crm.Application.Notifications.Commands.MarkAllNotificationsRead;
using Crm.Application.Notifications.Commands.MarkNotificationRead;
using Crm.Application.Notifications.Common;
using Crm.Domain.Notifications;
using Moq;

namespace Crm.Application.UnitTests.Notifications;

/// <summary>Reading notifications tells the person's live connections their new unread count, after the commit only.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class UnreadCountPushTests
{
    private static readonly IMapper Mapper = MappingProfile.CreateMapper();
    private readonly Guid _user = Guid.NewGuid();
    private readonly RequestContext _context = new();
    private readonly TransactionOutcome _outcome = new();
    private readonly Mock<INotificationDelivery> _delivery = new();

    [SetUp]
    public void SignIn() => _context.SetUser(_user, Guid.NewGuid());

    [Test]
    public async Task Reading_an_unread_notification_pushes_the_count_once_committed()
    {
        var notification = NotificationOf(_user);

        await Handler(notification).Handle(new MarkNotificationReadCommand(notification.Id), CancellationToken.None);

        _delivery.Verify(d => d.UnreadCountChangedAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>()), Times.Never, "not before the commit");
        await RunAfterCommitAsync();
        _delivery.Verify(d => d.UnreadCountChangedAsync(_user, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Reading_a_notification_again_pushes_nothing()
    {
        var notification = NotificationOf(_user);
        notification.MarkRead(DateTime.UtcNow);

        await Handler(notification).Handle(new MarkNotificationReadCommand(notification.Id), CancellationToken.None);

        _outcome.DrainCommit().ShouldBeEmpty();
    }

    [TestCase(0, 0)]
    [TestCase(3, 1)]
    public async Task Reading_all_pushes_the_count_only_when_something_was_marked(int marked, int pushes)
    {
        var store = new Mock<INotificationStore>();
        store.Setup(s => s.MarkAllReadAsync(_user, null, null, It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).ReturnsAsync(marked);

        var answer = await new MarkAllNotificationsReadCommandHandler(
                store.Object, new InMemoryReadStore(), _context, TimeProvider.System, _outcome, _delivery.Object)
            .Handle(new MarkAllNotificationsReadCommand(), CancellationToken.None);

        answer.Marked.ShouldBe(marked);
        await RunAfterCommitAsync();
        _delivery.Verify(d => d.UnreadCountChangedAsync(_user, It.IsAny<CancellationToken>()), Times.Exactly(pushes));
    }

    private MarkNotificationReadCommandHandler Handler(Notification notification)
    {
        var notifications = new Mock<IRepository<Notification>>();
        notifications.Setup(r => r.FindAsync(notification.Id, It.IsAny<CancellationToken>())).ReturnsAsync(notification);
        return new MarkNotificationReadCommandHandler(notifications.Object, _context, Mapper, TimeProvider.System, _outcome, _delivery.Object);
    }

    private async Task RunAfterCommitAsync()
    {
        foreach (var action in _outcome.DrainCommit())
        {
            await action(CancellationToken.None);
        }
    }

    private static Notification NotificationOf(Guid user) => Notification.Create(
        Guid.NewGuid(), user, Guid.NewGuid(), NotificationTypes.TaskAssigned, "Assigned", "Call", "task", Guid.NewGuid(),
        Guid.NewGuid(), "Ada", inApp: true, emailDueAt: null, DateTime.UtcNow);
}
