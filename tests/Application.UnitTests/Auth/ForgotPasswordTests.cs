using Ardalis.Specification;
using Crm.Application.Auth.Commands.ForgotPassword;
using Crm.Application.Auth.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Email;
using Crm.Application.Common.Interfaces;
using Crm.Domain.Users;
using Moq;

namespace Crm.Application.UnitTests.Auth;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ForgotPasswordTests
{
    private readonly Mock<IRepository<User>> _users = new();
    private readonly Mock<IRepository<PasswordResetToken>> _tokens = new();
    private readonly Mock<IEmailOutbox> _outbox = new();
    private readonly Mock<IEmailLinks> _links = new();
    private readonly Mock<IAuditTrail> _audit = new();

    [TestCase(2, 1)]
    [TestCase(3, 0)]
    public async Task An_address_gets_at_most_three_links_an_hour(int issuedThisHour, int sent)
    {
        var user = User.Register("known@example.com", "Known", "hash", DateTime.UtcNow);
        _users.Setup(u => u.FirstOrDefaultAsync(It.IsAny<UserByEmailSpecification>(), It.IsAny<CancellationToken>())).ReturnsAsync(user);
        _tokens.Setup(t => t.ListAsync(It.IsAny<ISpecification<PasswordResetToken>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Enumerable.Range(0, issuedThisHour).Select(_ => PasswordResetToken.Issue(user.Id, [1], DateTime.UtcNow)).ToList());
        var handler = new ForgotPasswordCommandHandler(_users.Object, _tokens.Object, _outbox.Object, _links.Object, _audit.Object, TimeProvider.System);

        await handler.Handle(new ForgotPasswordCommand(user.Email), CancellationToken.None);

        _outbox.Verify(o => o.Queue(EmailTemplate.PasswordReset, user.Email, It.IsAny<IReadOnlyDictionary<string, object?>>(), null), Times.Exactly(sent));
        _tokens.Verify(t => t.Add(It.IsAny<PasswordResetToken>()), Times.Exactly(sent));
    }
}
