using Crm.Application.Auth.Commands.DisableTwoFactor;
using Crm.Application.Auth.Commands.EnableTwoFactor;
using Crm.Application.Auth.Commands.Login;
using Crm.Application.Auth.Commands.LoginTwoFactor;
using Crm.Application.Auth.Commands.SetupTwoFactor;
using Crm.Application.Auth.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Security;
using Crm.Domain.Common;
using Crm.Domain.Sessions;
using Crm.Domain.Users;
using Moq;

namespace Crm.Application.UnitTests.Auth;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class TwoFactorHandlerTests
{
    private const string RightCode = "111111";
    private const long RightStep = 1_000;

    private readonly User _user = User.Register("ada@example.com", "Ada", "hash:right-password", DateTime.UtcNow);
    private readonly Mock<IRepository<User>> _users = new();
    private readonly Mock<IRepository<TwoFactorCredential>> _credentials = new();
    private readonly Mock<IRepository<TwoFactorChallenge>> _challenges = new();
    private readonly Mock<IRepository<UserSession>> _sessions = new();
    private readonly Mock<IRepository<RefreshToken>> _refreshTokens = new();
    private readonly Mock<IPasswordHasher> _hasher = new();
    private readonly Mock<ILoginThrottle> _throttle = new();
    private readonly Mock<ITokenIssuer> _tokens = new();
    private readonly Mock<ITotp> _totp = new();
    private readonly Mock<ISecretProtector> _protector = new();
    private readonly Mock<IAuditTrail> _audit = new();
    private readonly RequestContext _context = new();
    private readonly TimeProvider _time = TimeProvider.System;
    private readonly LoginAttempt _attempt = new("ada@example.com", "10.0.0.1", "slot", null);

    [SetUp]
    public void ConfigureCollaborators()
    {
        _context.SetClient("10.0.0.1", "tests");
        _context.SetUser(_user.Id, Guid.NewGuid());
        _users.Setup(u => u.FindAsync(_user.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_user);
        _hasher.SetupGet(h => h.DecoyHash).Returns("decoy-hash");
        _hasher.Setup(h => h.Verify(It.IsAny<string>(), It.IsAny<string>()))
            .Returns((string hash, string password) => hash == "hash:" + password ? PasswordCheck.Succeeded : PasswordCheck.Failed);
        _throttle.Setup(t => t.TryReserveAsync(It.IsAny<string>(), It.IsAny<string?>())).ReturnsAsync(_attempt);
        _tokens.SetupGet(t => t.RefreshTokenLifetime).Returns(TimeSpan.FromDays(7));
        _tokens.Setup(t => t.IssueAccessToken(It.IsAny<User>(), It.IsAny<Guid>())).Returns(new AccessToken("access-token", 900));
        _totp.Setup(t => t.NewSecret()).Returns([1, 2, 3, 4]);
        _totp.Setup(t => t.Encode(It.IsAny<byte[]>())).Returns("AEBAGBA");
        _totp.Setup(t => t.ProvisioningUri(It.IsAny<byte[]>(), It.IsAny<string>())).Returns((byte[] _, string account) => "otpauth://totp/Crm:" + account);
        _totp.Setup(t => t.MatchingStep(It.Is<byte[]>(s => s.SequenceEqual(new byte[] { 1, 2, 3, 4 })), RightCode, It.IsAny<DateTime>()))
            .Returns(RightStep);
        // Encryption stands in as a marker byte bound to nothing: what matters here is that the handler never stores the secret itself.
        _protector.Setup(p => p.Protect(It.IsAny<byte[]>(), _user.Id)).Returns((byte[] s, Guid _) => [0xEE, .. s.Select(b => (byte)(b ^ 0x5A))]);
        _protector.Setup(p => p.Unprotect(It.IsAny<byte[]>(), _user.Id)).Returns((byte[] c, Guid _) => c[1..].Select(b => (byte)(b ^ 0x5A)).ToArray());
    }

    [Test]
    public async Task Setup_stores_a_new_secret_encrypted_for_its_owner_and_answers_it_for_the_app()
    {
        TwoFactorCredential? added = null;
        _credentials.Setup(c => c.Add(It.IsAny<TwoFactorCredential>())).Callback((TwoFactorCredential c) => added = c);

        var setup = await SetupHandler().Handle(new SetupTwoFactorCommand(), CancellationToken.None);

        setup.ShouldBe(new TwoFactorSetupDto("AEBAGBA", "otpauth://totp/Crm:ada@example.com"));
        added!.UserId.ShouldBe(_user.Id);
        added.SecretCiphertext[0].ShouldBe((byte)0xEE);
        added.SecretCiphertext.ShouldNotBe(new byte[] { 1, 2, 3, 4 });
        added.IsEnabled.ShouldBeFalse();
    }

    [Test]
    public async Task Setup_again_replaces_the_pending_secret()
    {
        var pending = TwoFactorCredential.Begin(_user.Id, [9, 9], DateTime.UtcNow);
        _credentials.Setup(c => c.FirstOrDefaultAsync(It.IsAny<TwoFactorCredentialOfUserSpecification>(), It.IsAny<CancellationToken>())).ReturnsAsync(pending);

        await SetupHandler().Handle(new SetupTwoFactorCommand(), CancellationToken.None);

        pending.SecretCiphertext[0].ShouldBe((byte)0xEE);
        _credentials.Verify(c => c.Add(It.IsAny<TwoFactorCredential>()), Times.Never);
    }

    [Test]
    public async Task Enable_without_a_setup_is_a_conflict()
    {
        var error = await Should.ThrowAsync<ConflictException>(() => EnableHandler().Handle(new EnableTwoFactorCommand(RightCode), CancellationToken.None));

        error.Code.ShouldBe("two_factor_setup_required");
    }

    [Test]
    public async Task Enable_with_a_wrong_code_is_refused_and_with_the_right_one_answers_ten_codes_stored_as_their_hashes()
    {
        var pending = Pending();

        var error = await Should.ThrowAsync<BusinessRuleException>(() => EnableHandler().Handle(new EnableTwoFactorCommand("222222"), CancellationToken.None));
        error.Code.ShouldBe("invalid_two_factor_code");
        pending.IsEnabled.ShouldBeFalse();

        var result = await EnableHandler().Handle(new EnableTwoFactorCommand(RightCode), CancellationToken.None);

        pending.IsEnabled.ShouldBeTrue();
        pending.LastAcceptedStep.ShouldBe(RightStep);
        result.RecoveryCodes.Count.ShouldBe(10);
        pending.RecoveryCodeHashes.ShouldBe(result.RecoveryCodes.Select(RecoveryCodes.Hash).ToArray());
        pending.RecoveryCodeHashes.ShouldNotContain(result.RecoveryCodes[0]);
    }

    [Test]
    public async Task Login_with_two_factor_answers_a_stored_challenge_and_starts_no_session()
    {
        _users.Setup(u => u.FirstOrDefaultAsync(It.IsAny<UserByEmailSpecification>(), It.IsAny<CancellationToken>())).ReturnsAsync(_user);
        _credentials.Setup(c => c.AnyAsync(It.IsAny<EnabledTwoFactorOfUserSpecification>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        TwoFactorChallenge? challenge = null;
        _challenges.Setup(c => c.Add(It.IsAny<TwoFactorChallenge>())).Callback((TwoFactorChallenge c) => challenge = c);

        var result = await LoginHandler().Handle(new LoginCommand(_user.Email, "right-password"), CancellationToken.None);

        result.Tokens.ShouldBeNull();
        result.Failure!.Code.ShouldBe("two_factor_required");
        challenge!.TokenHash.ShouldBe(SecretTokens.Hash(result.ChallengeToken!));
        challenge.UserId.ShouldBe(_user.Id);
        _sessions.Verify(s => s.Add(It.IsAny<UserSession>()), Times.Never);
        _throttle.Verify(t => t.ReleaseAsync(It.IsAny<LoginAttempt>()), Times.Once);
        Should.Throw<TwoFactorRequiredException>(() => result.TokensOrThrow()).ChallengeToken.ShouldBe(result.ChallengeToken);
    }

    [Test]
    public async Task An_unknown_challenge_is_refused_before_the_throttle_is_asked()
    {
        var result = await LoginTwoFactorHandler().Handle(
            new LoginTwoFactorCommand(SecretTokens.Generate().Token, RightCode, null), CancellationToken.None);

        result.Failure!.Code.ShouldBe("invalid_challenge");
        _throttle.Verify(t => t.TryReserveAsync(It.IsAny<string>(), It.IsAny<string?>()), Times.Never);
    }

    [Test]
    public async Task A_wrong_code_keeps_the_throttle_slot_and_the_challenge()
    {
        var (token, challenge) = Challenge();
        Enabled(lastStep: RightStep - 1);

        var result = await LoginTwoFactorHandler().Handle(new LoginTwoFactorCommand(token, "222222", null), CancellationToken.None);

        result.Failure!.Code.ShouldBe("invalid_two_factor_code");
        challenge.UsedAt.ShouldBeNull();
        _throttle.Verify(t => t.ReleaseAsync(It.IsAny<LoginAttempt>()), Times.Never);
        _sessions.Verify(s => s.Add(It.IsAny<UserSession>()), Times.Never);
    }

    [Test]
    public async Task A_replayed_code_is_refused()
    {
        var (token, _) = Challenge();
        Enabled(lastStep: RightStep);

        var result = await LoginTwoFactorHandler().Handle(new LoginTwoFactorCommand(token, RightCode, null), CancellationToken.None);

        result.Failure!.Code.ShouldBe("invalid_two_factor_code");
        _audit.Verify(a => a.Record(It.Is<AuditEvent>(e => e.Action == "two_factor_code_replayed")), Times.Once);
    }

    [Test]
    public async Task A_right_code_spends_the_challenge_gives_the_slot_back_and_starts_a_session()
    {
        var (token, challenge) = Challenge();
        var credential = Enabled(lastStep: RightStep - 1);

        var result = await LoginTwoFactorHandler().Handle(new LoginTwoFactorCommand(token, RightCode, null), CancellationToken.None);

        result.Tokens!.AccessToken.ShouldBe("access-token");
        challenge.UsedAt.ShouldNotBeNull();
        credential.LastAcceptedStep.ShouldBe(RightStep);
        _throttle.Verify(t => t.ReleaseAsync(_attempt), Times.Once);
        _sessions.Verify(s => s.Add(It.Is<UserSession>(x => x.UserId == _user.Id)), Times.Once);
    }

    [Test]
    public async Task A_throttled_completion_checks_no_code()
    {
        var (token, _) = Challenge();
        var credential = Enabled(lastStep: RightStep - 1);
        _throttle.Setup(t => t.TryReserveAsync(It.IsAny<string>(), It.IsAny<string?>()))
            .ReturnsAsync(new LoginAttempt(_user.Email, "10.0.0.1", string.Empty, TimeSpan.FromSeconds(30)));

        var result = await LoginTwoFactorHandler().Handle(new LoginTwoFactorCommand(token, RightCode, null), CancellationToken.None);

        result.Failure!.Code.ShouldBe("too_many_login_attempts");
        credential.LastAcceptedStep.ShouldBe(RightStep - 1);
    }

    [Test]
    public async Task Disable_refuses_a_wrong_password_then_a_wrong_code_and_removes_the_authenticator_with_both_right()
    {
        var credential = Enabled(lastStep: RightStep - 1);

        (await Should.ThrowAsync<InvalidInputException>(() => DisableHandler().Handle(new DisableTwoFactorCommand("wrong", RightCode), CancellationToken.None)))
            .Code.ShouldBe("invalid_credentials");
        (await Should.ThrowAsync<InvalidInputException>(() => DisableHandler().Handle(new DisableTwoFactorCommand("right-password", "222222"), CancellationToken.None)))
            .Code.ShouldBe("invalid_two_factor_code");
        _credentials.Verify(c => c.Remove(It.IsAny<TwoFactorCredential>()), Times.Never);
        _throttle.Verify(t => t.ReleaseAsync(It.IsAny<LoginAttempt>()), Times.Never);

        await DisableHandler().Handle(new DisableTwoFactorCommand("right-password", RightCode), CancellationToken.None);

        _credentials.Verify(c => c.Remove(credential), Times.Once);
        _throttle.Verify(t => t.ReleaseAsync(_attempt), Times.Once);
    }

    private TwoFactorCredential Pending()
    {
        var credential = TwoFactorCredential.Begin(_user.Id, _protector.Object.Protect([1, 2, 3, 4], _user.Id), DateTime.UtcNow);
        _credentials.Setup(c => c.FirstOrDefaultAsync(It.IsAny<TwoFactorCredentialOfUserSpecification>(), It.IsAny<CancellationToken>())).ReturnsAsync(credential);
        return credential;
    }

    private TwoFactorCredential Enabled(long lastStep)
    {
        var credential = Pending();
        credential.Enable(lastStep, Enumerable.Range(0, 10).Select(i => $"h{i}").ToList(), DateTime.UtcNow);
        _credentials.Setup(c => c.FirstOrDefaultAsync(It.IsAny<EnabledTwoFactorOfUserSpecification>(), It.IsAny<CancellationToken>())).ReturnsAsync(credential);
        return credential;
    }

    private (string Token, TwoFactorChallenge Challenge) Challenge()
    {
        var (token, hash) = SecretTokens.Generate();
        var challenge = TwoFactorChallenge.Issue(_user.Id, hash, DateTime.UtcNow);
        _challenges.Setup(c => c.FirstOrDefaultAsync(It.IsAny<TwoFactorChallengeByHashSpecification>(), It.IsAny<CancellationToken>())).ReturnsAsync(challenge);
        return (token, challenge);
    }

    private SessionIssuer Issuer() => new(_sessions.Object, _refreshTokens.Object, _tokens.Object, new InMemoryReadStore(), _context, _time);

    private SecondFactorCheck Check() => new(_totp.Object, _protector.Object, _time);

    private SetupTwoFactorCommandHandler SetupHandler() =>
        new(_users.Object, _credentials.Object, _totp.Object, _protector.Object, _context, _audit.Object, _time);

    private EnableTwoFactorCommandHandler EnableHandler() =>
        new(_credentials.Object, _totp.Object, _protector.Object, _context, _audit.Object, _time);

    private DisableTwoFactorCommandHandler DisableHandler() =>
        new(_users.Object, _credentials.Object, _hasher.Object, _throttle.Object, Check(), _context, _audit.Object);

    private LoginCommandHandler LoginHandler() =>
        new(_users.Object, _credentials.Object, _challenges.Object, _hasher.Object, _throttle.Object, _context, Issuer(), _audit.Object, _time);

    private LoginTwoFactorCommandHandler LoginTwoFactorHandler() =>
        new(_challenges.Object, _credentials.Object, _users.Object, _throttle.Object, Check(), _context, Issuer(), _audit.Object, _time);
}
