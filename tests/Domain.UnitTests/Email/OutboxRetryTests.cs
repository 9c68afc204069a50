using Crm.Domain.Email;
using Crm.Domain.Errors;

namespace Crm.Domain.UnitTests.Email;

public sealed class OutboxRetryTests
{
    private static readonly DateTime Queued = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);

    [Test]
    public void An_email_not_given_up_is_not_retried()
    {
        var message = OutboxMessage.Queue(Guid.NewGuid(), "invitation", "ada@example.com", "Join", "<p>Join</p>", "Join", Queued);

        RuleAssert.AssertBrokenRule(() => message.Retry(Queued.AddMinutes(1)), "outbox_message_not_failed", ErrorKind.Conflict);
        message.Status.ShouldBe(OutboxStatus.Pending);
        message.NextAttemptAt.ShouldBe(Queued);
    }
}
