using Ardalis.Specification;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Security;
using Crm.Application.Email.Commands.RetryOutboxMessage;
using Crm.Domain.Common;
using Crm.Domain.Email;
using Crm.Domain.Organizations;
using Moq;

namespace Crm.Application.UnitTests.Email;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class RetryOutboxMessageTests
{
    private readonly Guid _organization = Guid.NewGuid();
    private readonly RequestContext _context = new();
    private readonly Mock<IRepository<OutboxMessage>> _outbox = new();
    private readonly Mock<IAuditTrail> _audit = new();

    public RetryOutboxMessageTests()
    {
        _context.SetUser(Guid.NewGuid(), Guid.NewGuid());
        _context.SetOrganization(_organization, MemberRole.Admin);
    }

    private Task Retry(Guid id) =>
        new RetryOutboxMessageCommandHandler(_outbox.Object, _context, _audit.Object, TimeProvider.System)
            .Handle(new RetryOutboxMessageCommand(id), CancellationToken.None);

    [Test]
    public async Task An_email_the_organization_does_not_have_is_not_found_and_nothing_is_audited()
    {
        _outbox.Setup(o => o.FirstOrDefaultAsync(It.IsAny<ISpecification<OutboxMessage>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((OutboxMessage?)null);

        var error = await Should.ThrowAsync<NotFoundException>(() => Retry(Guid.NewGuid()));

        error.Error.Code.ShouldBe("outbox_message_not_found");
        _audit.Verify(a => a.Record(It.IsAny<AuditEvent>()), Times.Never);
    }

    [Test]
    public async Task An_email_still_queued_is_refused_and_stays_as_it_was()
    {
        var message = OutboxMessage.Queue(_organization, "invitation", "ada@example.com", "Join", "<p>Join</p>", "Join", DateTime.UtcNow);
        _outbox.Setup(o => o.FirstOrDefaultAsync(It.IsAny<ISpecification<OutboxMessage>>(), It.IsAny<CancellationToken>())).ReturnsAsync(message);

        var error = await Should.ThrowAsync<BusinessRuleException>(() => Retry(message.Id));

        error.Code.ShouldBe("outbox_message_not_failed");
        message.Status.ShouldBe(OutboxStatus.Pending);
        _audit.Verify(a => a.Record(It.IsAny<AuditEvent>()), Times.Never);
    }
}
