using Crm.Application.Auth.Commands.Login;
using Crm.Application.Auth.Commands.Refresh;
using Crm.Application.Auth.Commands.Register;
using Crm.Application.Auth.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Email;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.RateLimiting;
using Crm.Application.Common.Security;
using Crm.Domain.Organizations;
using Crm.Domain.Sessions;
using Crm.Domain.Users;
using Moq;

namespace Crm.Application.UnitTests.Auth;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class AuthHandlerTests
{
    private readonly Mock<IRepository<User>> _users = new();
    private readonly Mock<IRepository<Organization>> _organizations = new();
    private readonly Mock<IRepository<UserSession>> _sessions = new();
    private readonly Mock<IRepository<RefreshToken>> _refreshTokens = new();
    private readonly Mock<IPasswordHasher> _hasher = new();
    private readonly Mock<ILoginThrottle> _throttle = new();
    private readonly Mock<ITokenIssuer> _tokens = new();
    private readonly Mock<IAuditTrail> _audit = new();
    private readonly Mock<IEmailOutbox> _outbox = new();
    private readonly Mock<IEmailLinks> _links = new();
    private readonly Mock<IKeyedRateLimiter> _limiter = new();
    private readonly RequestContext _context = new();
    private readonly TimeProvider _time = TimeProvider.System;

    [SetUp]
    public void ConfigureCollaborators()
    {
        _context.SetClient("10.0.0.1", "tests");
        _hasher.SetupGet(h => h.DecoyHash).Returns("decoy-hash");
        _hasher.Setup(h => h.Hash(It.IsAny<string>())).Returns((string p) => "hash:" + p);
        _links.Setup(l => l.VerifyEmail(It.IsAny<string>())).Returns((string t) => "https://crm.test/verify-email?token=" + t);
        _throttle.Setup(t => t.TryReserveAsync(It.IsAny<string>(), It.IsAny<string?>()))
            .ReturnsAsync((string email, string? client) => new LoginAttempt(email, client, "slot", null));
        _limiter.Setup(l => l.TryAcquireAsync(It.IsAny<KeyedLimit>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new KeyedLimitDecision(true, 5, 4, TimeSpan.FromHours(1)));
        _tokens.SetupGet(t => t.RefreshTokenLifetime).Returns(TimeSpan.FromDays(7));
        _tokens.Setup(t => t.IssueAccessToken(It.IsAny<User>(), It.IsAny<Guid>())).Returns(new AccessToken("access-token", 900));
    }

    [Test]
    public async Task Register_refuses_a_taken_email_and_creates_nothing()
    {
        _users.Setup(u => u.AnyAsync(
            It.Is<UserByEmailSpecification>(s => s.NormalizedEmail == User.Normalize("taken@example.com")), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var error = await Should.ThrowAsync<ConflictException>(() =>
            RegisterHandler().Handle(new RegisterCommand("taken@example.com", "long-enough-pass", "T", "Org"), CancellationToken.None));

        error.Code.ShouldBe("email_taken");
        _users.Verify(u => u.Add(It.IsAny<User>()), Times.Never);
        _organizations.Verify(o => o.Add(It.IsAny<Organization>()), Times.Never);
    }

    [Test]
    public async Task Register_past_the_limit_of_the_email_is_refused_429_before_anything_is_looked_up()
    {
        _limiter.Setup(l => l.TryAcquireAsync(KeyedLimit.RegisterPerEmail, User.Normalize("many@example.com"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new KeyedLimitDecision(false, 5, 0, TimeSpan.FromMinutes(30)));

        var error = await Should.ThrowAsync<TooManyRequestsException>(() =>
            RegisterHandler().Handle(new RegisterCommand("Many@Example.com", "long-enough-pass", "M", "Org"), CancellationToken.None));

        error.Code.ShouldBe("rate_limited");
        error.RetryAfter.ShouldBe(TimeSpan.FromMinutes(30));
        _users.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Register_creates_the_user_its_owned_organization_and_a_session()
    {
        User? added = null;
        Organization? organization = null;
        _users.Setup(u => u.Add(It.IsAny<User>())).Callback((User u) => added = u);
        _organizations.Setup(o => o.Add(It.IsAny<Organization>())).Callback((Organization o) => organization = o);

        var result = await RegisterHandler().Handle(
            new RegisterCommand("new@example.com", "long-enough-pass", "New", "New Org"), CancellationToken.None);

        added!.PasswordHash.ShouldBe("hash:long-enough-pass");
        organization!.FindMember(added.Id)!.Role.ShouldBe(MemberRole.Owner);
        result.Organization.ShouldBe(new OrganizationMembershipDto(organization.Id, "New Org", MemberRole.Owner));
        result.Organizations.ShouldHaveSingleItem();
        result.AccessToken.ShouldBe("access-token");
        _sessions.Verify(s => s.Add(It.Is<UserSession>(x => x.UserId == added.Id && x.ClientAddress == "10.0.0.1")), Times.Once);
        _refreshTokens.Verify(s => s.Add(It.IsAny<RefreshToken>()), Times.Once);
        _outbox.Verify(o => o.Queue(EmailTemplate.Welcome, "new@example.com", It.IsAny<IReadOnlyDictionary<string, object?>>(), organization.Id), Times.Once);
    }

    [Test]
    public async Task Register_emails_a_verification_link_whose_token_is_stored_only_as_its_hash()
    {
        User? added = null;
        IReadOnlyDictionary<string, object?>? model = null;
        _users.Setup(u => u.Add(It.IsAny<User>())).Callback((User u) => added = u);
        _outbox.Setup(o => o.Queue(EmailTemplate.EmailVerification, "new@example.com", It.IsAny<IReadOnlyDictionary<string, object?>>(), null))
            .Callback((EmailTemplate _, string _, IReadOnlyDictionary<string, object?> m, Guid? _) => model = m);

        var result = await RegisterHandler().Handle(
            new RegisterCommand("new@example.com", "long-enough-pass", "New", "New Org"), CancellationToken.None);

        result.User.EmailVerified.ShouldBeFalse();
        var token = ((string)model!["link"]!).Split("token=")[1];
        added!.EmailVerificationTokenHash.ShouldBe(SecretTokens.Hash(Uri.UnescapeDataString(token)));
        added.EmailVerified.ShouldBeFalse();
        model["hours"].ShouldBe(24);
    }

    [Test]
    public async Task Login_while_throttled_answers_429_without_checking_the_password()
    {
        _throttle.Setup(t => t.TryReserveAsync("a@example.com", "10.0.0.1"))
            .ReturnsAsync(new LoginAttempt("a@example.com", "10.0.0.1", string.Empty, TimeSpan.FromSeconds(42)));

        var result = await LoginHandler().Handle(new LoginCommand("a@example.com", "whatever-pass"), CancellationToken.None);

        var error = Should.Throw<TooManyRequestsException>(() => result.TokensOrThrow());
        error.RetryAfter.ShouldBe(TimeSpan.FromSeconds(42));
        error.Code.ShouldBe("too_many_login_attempts");
        _audit.Verify(a => a.Record(It.Is<AuditEvent>(e => e.Action == "sign_in_throttled")), Times.Once);
        _hasher.Verify(h => h.Verify(It.IsAny<string>(), It.IsAny<string>()), Times.Never);
    }

    [Test]
    public async Task Login_with_an_unknown_email_still_verifies_a_hash_and_records_the_failure()
    {
        var result = await LoginHandler().Handle(new LoginCommand("nobody@example.com", "whatever-pass"), CancellationToken.None);

        Should.Throw<UnauthorizedException>(() => result.TokensOrThrow()).Code.ShouldBe("invalid_credentials");
        _audit.Verify(a => a.Record(It.Is<AuditEvent>(e => e.Action == "sign_in_failed" && e.ActorId == null)), Times.Once);
        _hasher.Verify(h => h.Verify("decoy-hash", "whatever-pass"), Times.Once);
        _throttle.Verify(t => t.TryReserveAsync("nobody@example.com", "10.0.0.1"), Times.Once);
        _throttle.Verify(t => t.ReleaseAsync(It.IsAny<LoginAttempt>()), Times.Never);
    }

    [Test]
    public async Task Login_with_a_wrong_password_records_the_failure_and_starts_no_session()
    {
        var user = KnownUser(PasswordCheck.Failed);

        var result = await LoginHandler().Handle(new LoginCommand(user.Email, "wrong-password"), CancellationToken.None);

        Should.Throw<UnauthorizedException>(() => result.TokensOrThrow()).Code.ShouldBe("invalid_credentials");
        _throttle.Verify(t => t.TryReserveAsync(user.Email, "10.0.0.1"), Times.Once);
        _throttle.Verify(t => t.ReleaseAsync(It.IsAny<LoginAttempt>()), Times.Never);
        _sessions.Verify(s => s.Add(It.IsAny<UserSession>()), Times.Never);
    }

    [Test]
    public async Task Login_upgrades_an_outdated_password_hash()
    {
        var user = KnownUser(PasswordCheck.SucceededRehashNeeded);

        var result = await LoginHandler().Handle(new LoginCommand(user.Email, "right-password"), CancellationToken.None);

        result.TokensOrThrow().User.Id.ShouldBe(user.Id);
        user.PasswordHash.ShouldBe("hash:right-password");
        _audit.Verify(a => a.Record(It.Is<AuditEvent>(e => e.Action == "sign_in" && e.ActorId == user.Id)), Times.Once);
        _throttle.Verify(t => t.ReleaseAsync(It.Is<LoginAttempt>(a => a.SlotId == "slot")), Times.Once);
    }

    [Test]
    public async Task Refresh_with_an_unknown_token_fails_without_touching_any_session()
    {
        var result = await RefreshHandler().Handle(new RefreshCommand("unknown"), CancellationToken.None);

        result.Tokens.ShouldBeNull();
        result.Failure?.Code.ShouldBe("invalid_refresh_token");
        _sessions.Verify(s => s.FindAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [TestCase("")]
    [TestCase("eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl")]
    [TestCase("a-string-of-forty-three-characters-with-+/=")]
    public async Task Refresh_with_a_token_not_shaped_like_a_refresh_token_fails_without_a_lookup(string raw)
    {
        var result = await RefreshHandler().Handle(new RefreshCommand(raw), CancellationToken.None);

        result.Failure?.Code.ShouldBe("invalid_refresh_token");
        _refreshTokens.Verify(
            t => t.FirstOrDefaultAsync(It.IsAny<RefreshTokenByHashSpecification>(), It.IsAny<CancellationToken>()), Times.Never);
        _audit.Verify(a => a.RecordNowAsync(It.Is<AuditEvent>(e => e.Action == "refresh_failed"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Refresh_with_an_oversized_token_fails_without_a_lookup()
    {
        var result = await RefreshHandler().Handle(new RefreshCommand(new string('a', 1_000_000)), CancellationToken.None);

        result.Failure?.Code.ShouldBe("invalid_refresh_token");
        _refreshTokens.Verify(
            t => t.FirstOrDefaultAsync(It.IsAny<RefreshTokenByHashSpecification>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Refresh_rotates_a_fresh_token_into_a_new_pair_of_the_same_session()
    {
        var (user, session, token, raw) = ActiveSession();

        var result = await RefreshHandler().Handle(new RefreshCommand(raw), CancellationToken.None);

        result.Tokens!.RefreshToken.ShouldNotBe(raw);
        token.UsedAt.ShouldNotBeNull();
        _tokens.Verify(t => t.IssueAccessToken(user, session.Id), Times.Once);
        _refreshTokens.Verify(s => s.Add(It.Is<RefreshToken>(t => t.SessionId == session.Id && t != token)), Times.Once);
    }

    [Test]
    public async Task Refresh_with_a_used_token_revokes_the_session_and_answers_the_reuse()
    {
        var (_, session, _, raw) = ActiveSession();
        await RefreshHandler().Handle(new RefreshCommand(raw), CancellationToken.None);

        var result = await RefreshHandler().Handle(new RefreshCommand(raw), CancellationToken.None);

        result.Failure?.Code.ShouldBe("refresh_token_reused");
        session.RevokedReason.ShouldBe(SessionRevocation.RefreshTokenReused);
    }

    private User KnownUser(PasswordCheck check)
    {
        var user = User.Register("known@example.com", "Known", "old-hash", DateTime.UtcNow);
        _users.Setup(u => u.FirstOrDefaultAsync(
            It.Is<UserByEmailSpecification>(s => s.NormalizedEmail == user.NormalizedEmail), It.IsAny<CancellationToken>())).ReturnsAsync(user);
        _users.Setup(u => u.FindAsync(user.Id, It.IsAny<CancellationToken>())).ReturnsAsync(user);
        _hasher.Setup(h => h.Verify("old-hash", It.IsAny<string>())).Returns(check);
        return user;
    }

    private (User User, UserSession Session, RefreshToken Token, string Raw) ActiveSession()
    {
        var user = KnownUser(PasswordCheck.Succeeded);
        var session = UserSession.Start(user.Id, DateTime.UtcNow, null, null);
        var (raw, hash) = SecretTokens.Generate();
        var token = session.IssueRefreshToken(hash, DateTime.UtcNow, TimeSpan.FromDays(7));
        _refreshTokens.Setup(s => s.FirstOrDefaultAsync(
            It.Is<RefreshTokenByHashSpecification>(x => x.Hash.SequenceEqual(hash)), It.IsAny<CancellationToken>())).ReturnsAsync(token);
        _sessions.Setup(s => s.FindAsync(session.Id, It.IsAny<CancellationToken>())).ReturnsAsync(session);
        return (user, session, token, raw);
    }

    private SessionIssuer Issuer() => new(_sessions.Object, _refreshTokens.Object, _tokens.Object, new InMemoryReadStore(), _context, _time);

    private RegisterCommandHandler RegisterHandler() => new(_users.Object, _organizations.Object, _hasher.Object, Issuer(), _outbox.Object, _links.Object, _limiter.Object, _time);

    private LoginCommandHandler LoginHandler() => new(_users.Object, new Mock<IRepository<TwoFactorCredential>>().Object, new Mock<IRepository<TwoFactorChallenge>>().Object, _hasher.Object, _throttle.Object, _context, Issuer(), _audit.Object, _time);

    private RefreshCommandHandler RefreshHandler() => new(_refreshTokens.Object, _sessions.Object, _users.Object, Issuer(), _audit.Object, _time);
}
