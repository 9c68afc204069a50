using Crm.Infrastructure.Email;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace Crm.Infrastructure.UnitTests;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class OutboxDispatcherTests
{
    private readonly Mock<IOutboxStore> _store = new();
    private readonly Mock<IEmailSender> _transport = new();
    private readonly EmailEnvelope _email = new(Guid.NewGuid(), "ada@example.com", "Hello", "<p>Hi</p>", "Hi", 0);

    [SetUp]
    public void OneDueMessage() =>
        _store.Setup(s => s.ClaimDueAsync(It.IsAny<int>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>())).ReturnsAsync([_email]);

    [Test]
    public async Task A_message_sent_at_the_first_try_is_marked_sent()
    {
        (await Dispatcher(maxAttempts: 3).DispatchDueAsync(CancellationToken.None)).ShouldBe(1);

        _transport.Verify(t => t.SendAsync(_email, It.IsAny<CancellationToken>()), Times.Once);
        _store.Verify(s => s.MarkSentAsync(_email.Id, It.IsAny<CancellationToken>()), Times.Once);
        _store.Verify(s => s.RecordFailedAttemptAsync(It.IsAny<Guid>(), It.IsAny<string>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task A_transient_failure_is_retried_and_recorded_then_the_message_is_sent()
    {
        _transport.SetupSequence(t => t.SendAsync(_email, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new IOException("connection reset"))
            .Returns(Task.CompletedTask);

        (await Dispatcher(maxAttempts: 3).DispatchDueAsync(CancellationToken.None)).ShouldBe(1);

        _store.Verify(s => s.RecordFailedAttemptAsync(_email.Id, It.Is<string>(e => e.Contains("connection reset")), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()), Times.Once);
        _store.Verify(s => s.MarkSentAsync(_email.Id, It.IsAny<CancellationToken>()), Times.Once);
        _store.Verify(s => s.MarkFailedAsync(It.IsAny<Guid>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task After_the_last_attempt_the_message_is_marked_failed_with_the_last_error()
    {
        var attempt = 0;
        _transport.Setup(t => t.SendAsync(_email, It.IsAny<CancellationToken>()))
            .Returns(() => Task.FromException(new IOException($"refused {++attempt}")));

        (await Dispatcher(maxAttempts: 4).DispatchDueAsync(CancellationToken.None)).ShouldBe(0);

        _transport.Verify(t => t.SendAsync(_email, It.IsAny<CancellationToken>()), Times.Exactly(4));
        _store.Verify(s => s.RecordFailedAttemptAsync(_email.Id, It.IsAny<string>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()), Times.Exactly(3));
        _store.Verify(s => s.MarkFailedAsync(_email.Id, It.Is<string>(e => e.Contains("refused 4")), It.IsAny<CancellationToken>()), Times.Once);
        _store.Verify(s => s.MarkSentAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task One_failing_message_does_not_hold_up_the_others()
    {
        var other = _email with { Id = Guid.NewGuid(), Recipient = "grace@example.com" };
        _store.Setup(s => s.ClaimDueAsync(It.IsAny<int>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>())).ReturnsAsync([_email, other]);
        _transport.Setup(t => t.SendAsync(_email, It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("mailbox full"));

        (await Dispatcher(maxAttempts: 2).DispatchDueAsync(CancellationToken.None)).ShouldBe(1);

        _store.Verify(s => s.MarkFailedAsync(_email.Id, It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
        _store.Verify(s => s.MarkSentAsync(other.Id, It.IsAny<CancellationToken>()), Times.Once);
    }

    private OutboxDispatcher Dispatcher(int maxAttempts) => new(
        _store.Object,
        _transport.Object,
        Options.Create(new EmailOptions { MaxAttempts = maxAttempts, RetryDelay = TimeSpan.FromMilliseconds(1) }),
        NullLogger<OutboxDispatcher>.Instance);
}
