using Crm.Application.Auth.Commands.ResendVerification;
using Crm.Application.Auth.Commands.VerifyEmail;
using Crm.Application.Auth.Common;
using Crm.Application.Common.Email;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.RateLimiting;
using Crm.Application.Common.Security;
using Crm.Domain.Common;
using Crm.Domain.Users;
using Moq;

namespace Crm.Application.UnitTests.Auth;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class EmailVerificationHandlerTests
{
    private readonly Mock<IRepository<User>> _users = new();
    private readonly Mock<IEmailOutbox> _outbox = new();
    private readonly Mock<IEmailLinks> _links = new();
    private readonly Mock<IKeyedRateLimiter> _limiter = new();
    private readonly RequestContext _context = new();
    private readonly User _user = User.Register("grace@example.com", "Grace", "hash", DateTime.UtcNow);

    [SetUp]
    public void ConfigureCollaborators()
    {
        _links.Setup(l => l.VerifyEmail(It.IsAny<string>())).Returns((string t) => "https://crm.test/verify-email?token=" + t);
        _users.Setup(u => u.FindAsync(_user.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_user);
        _context.SetUser(_user.Id, Guid.NewGuid());
        _limiter.Setup(l => l.TryAcquireAsync(KeyedLimit.ResendVerificationPerUser, _user.Id.ToString(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new KeyedLimitDecision(true, 3, 2, TimeSpan.FromHours(1)));
    }

    [Test]
    public async Task Resending_replaces_the_stored_hash_so_the_previous_link_no_longer_matches()
    {
        var first = await ResendAsync();
        var second = await ResendAsync();

        second.ShouldNotBe(first);
        _user.EmailVerificationTokenHash.ShouldBe(SecretTokens.Hash(second));
        _user.EmailVerificationTokenHash.ShouldNotBe(SecretTokens.Hash(first));
        _outbox.Verify(o => o.Queue(EmailTemplate.EmailVerification, "grace@example.com", It.IsAny<IReadOnlyDictionary<string, object?>>(), null), Times.Exactly(2));
    }

    [Test]
    public async Task Resending_past_the_hourly_bound_of_the_account_is_refused_429_without_a_new_link()
    {
        _limiter.Setup(l => l.TryAcquireAsync(KeyedLimit.ResendVerificationPerUser, _user.Id.ToString(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new KeyedLimitDecision(false, 3, 0, TimeSpan.FromMinutes(20)));

        var error = await Should.ThrowAsync<TooManyRequestsException>(() =>
            new ResendVerificationCommandHandler(_users.Object, _context, _outbox.Object, _links.Object, _limiter.Object, TimeProvider.System)
                .Handle(new ResendVerificationCommand(), CancellationToken.None));

        error.Code.ShouldBe("rate_limited");
        _user.EmailVerificationTokenHash.ShouldBeNull();
        _outbox.VerifyNoOtherCalls();
    }

    [Test]
    public async Task A_verified_account_is_refused_without_spending_one_of_its_resends()
    {
        _user.ConfirmEmail(DateTime.UtcNow);

        var error = await Should.ThrowAsync<BusinessRuleException>(() =>
            new ResendVerificationCommandHandler(_users.Object, _context, _outbox.Object, _links.Object, _limiter.Object, TimeProvider.System)
                .Handle(new ResendVerificationCommand(), CancellationToken.None));

        error.Code.ShouldBe("email_already_verified");
        _limiter.VerifyNoOtherCalls();
    }

    [Test]
    public async Task A_token_that_matches_no_account_is_refused_with_its_code()
    {
        var error = await Should.ThrowAsync<BusinessRuleException>(() =>
            new VerifyEmailCommandHandler(_users.Object, TimeProvider.System).Handle(new VerifyEmailCommand("made-up"), CancellationToken.None));

        error.Code.ShouldBe("invalid_verification_token");
    }

    [Test]
    public async Task The_matching_token_verifies_the_account()
    {
        var token = await ResendAsync();
        _users.Setup(u => u.FirstOrDefaultAsync(
            It.Is<UserByVerificationTokenSpecification>(s => s.Hash.SequenceEqual(SecretTokens.Hash(token))), It.IsAny<CancellationToken>())).ReturnsAsync(_user);

        await new VerifyEmailCommandHandler(_users.Object, TimeProvider.System).Handle(new VerifyEmailCommand(token), CancellationToken.None);

        _user.EmailVerified.ShouldBeTrue();
    }

    private async Task<string> ResendAsync()
    {
        string? link = null;
        _outbox.Setup(o => o.Queue(EmailTemplate.EmailVerification, It.IsAny<string>(), It.IsAny<IReadOnlyDictionary<string, object?>>(), null))
            .Callback((EmailTemplate _, string _, IReadOnlyDictionary<string, object?> model, Guid? _) => link = (string?)model["link"]);
        await new ResendVerificationCommandHandler(_users.Object, _context, _outbox.Object, _links.Object, _limiter.Object, TimeProvider.System)
            .Handle(new ResendVerificationCommand(), CancellationToken.None);
        return Uri.UnescapeDataString(link!.Split("token=")[1]);
    }
}
