using Ardalis.Specification;
using Crm.Application.Auth.Commands.ForgotPassword;
using Crm.Application.Auth.Commands.SendPasswordReset;
using Crm.Application.Auth.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Email;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.RateLimiting;
using Crm.Application.Common.Security;
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
        var handler = new SendPasswordResetCommandHandler(_users.Object, _tokens.Object, _outbox.Object, _links.Object, _audit.Object, TimeProvider.System);

        await handler.Handle(new SendPasswordResetCommand(user.Email), CancellationToken.None);

        _outbox.Verify(o => o.Queue(EmailTemplate.PasswordReset, user.Email, It.IsAny<IReadOnlyDictionary<string, object?>>(), null), Times.Exactly(sent));
        _tokens.Verify(t => t.Add(It.IsAny<PasswordResetToken>()), Times.Exactly(sent));
    }

    [Test]
    public async Task An_address_without_an_account_gets_nothing_and_nothing_is_recorded()
    {
        var handler = new SendPasswordResetCommandHandler(_users.Object, _tokens.Object, _outbox.Object, _links.Object, _audit.Object, TimeProvider.System);

        await handler.Handle(new SendPasswordResetCommand("nobody@example.com"), CancellationToken.None);

        _outbox.VerifyNoOtherCalls();
        _tokens.Verify(t => t.Add(It.IsAny<PasswordResetToken>()), Times.Never);
        _audit.VerifyNoOtherCalls();
    }

    /// <summary>
    /// The request path cannot tell the two apart: it has no repository to look with, and the calls it makes (counted
    /// here) are the same for an address with an account and one without.
    /// </summary>
    [Test]
    public async Task The_request_does_the_same_work_whether_or_not_the_address_has_an_account()
    {
        var calls = new List<string>();
        var limiter = new Mock<IKeyedRateLimiter>(MockBehavior.Strict);
        limiter.Setup(l => l.TryAcquireAsync(KeyedLimit.ForgotPasswordPerEmail, It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback(() => calls.Add("limit"))
            .ReturnsAsync(new KeyedLimitDecision(true, 5, 4, TimeSpan.FromHours(1)));
        var queue = new Mock<IPasswordResetRequests>(MockBehavior.Strict);
        var queued = new List<PasswordResetRequest>();
        queue.Setup(q => q.Enqueue(It.IsAny<PasswordResetRequest>())).Callback((PasswordResetRequest r) =>
        {
            calls.Add("queue");
            queued.Add(r);
        });
        var context = new RequestContext();
        context.SetClient("10.0.0.7", "tests");
        var handler = new ForgotPasswordCommandHandler(limiter.Object, queue.Object, context);

        await handler.Handle(new ForgotPasswordCommand("Known@Example.com"), CancellationToken.None);
        var known = calls.ToList();
        calls.Clear();
        await handler.Handle(new ForgotPasswordCommand("nobody@example.com"), CancellationToken.None);

        calls.ShouldBe(known);
        known.ShouldBe(["limit", "queue"]);
        queued.Select(r => r.Email).ShouldBe([User.Normalize("known@example.com"), User.Normalize("nobody@example.com")]);
        queued.ShouldAllBe(r => r.ClientAddress == "10.0.0.7");
    }

    [Test]
    public async Task Past_the_per_email_limit_the_request_is_refused_429_and_not_queued()
    {
        var limiter = new Mock<IKeyedRateLimiter>();
        limiter.Setup(l => l.TryAcquireAsync(KeyedLimit.ForgotPasswordPerEmail, User.Normalize("ada@example.com"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new KeyedLimitDecision(false, 5, 0, TimeSpan.FromMinutes(12)));
        var queue = new Mock<IPasswordResetRequests>();

        var error = await Should.ThrowAsync<TooManyRequestsException>(() =>
            new ForgotPasswordCommandHandler(limiter.Object, queue.Object, new RequestContext())
                .Handle(new ForgotPasswordCommand("ADA@example.com"), CancellationToken.None));

        error.Code.ShouldBe("rate_limited");
        error.RetryAfter.ShouldBe(TimeSpan.FromMinutes(12));
        error.Limit.ShouldBe(5);
        error.Detail!.ShouldContain("email address");
        queue.VerifyNoOtherCalls();
    }
}
