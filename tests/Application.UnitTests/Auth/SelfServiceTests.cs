using Ardalis.Specification;
using Crm.Application.Auth.Commands.ChangePassword;
using Crm.Application.Auth.Commands.EndSession;
using Crm.Application.Auth.Commands.UpdateMe;
using Crm.Application.Auth.Common;
using Crm.Application.Auth.Queries.ListMySessions;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Email;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Security;
using Crm.Domain.Common;
using Crm.Domain.Organizations;
using Crm.Domain.Sessions;
using Crm.Domain.Users;
using Moq;

namespace Crm.Application.UnitTests.Auth;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class SelfServiceTests
{
    private static readonly DateTime Now = DateTime.UtcNow;
    private readonly User _user = User.Register("ada@example.com", "Ada", "hash:current-password", Now.AddDays(-30));
    private readonly Mock<IRepository<User>> _users = new();
    private readonly Mock<IRepository<UserSession>> _sessions = new();
    private readonly Mock<IPasswordHasher> _hasher = new();
    private readonly Mock<ILoginThrottle> _throttle = new();
    private readonly Mock<IEmailOutbox> _outbox = new();
    private readonly Mock<IAuditTrail> _audit = new();
    private readonly RequestContext _context = new();
    private readonly UserSession _current;
    private readonly UserSession _other;

    public SelfServiceTests()
    {
        _current = UserSession.Start(_user.Id, Now, "10.0.0.1", "this browser");
        _other = UserSession.Start(_user.Id, Now, "10.0.0.2", "that phone");
    }

    [SetUp]
    public void ConfigureCollaborators()
    {
        _context.SetClient("10.0.0.1", "tests");
        _context.SetUser(_user.Id, _current.Id);
        _users.Setup(u => u.FindAsync(_user.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_user);
        _sessions.Setup(s => s.ListAsync(It.Is<LiveSessionsOfUserSpecification>(x => x.UserId == _user.Id), It.IsAny<CancellationToken>()))
            .ReturnsAsync([_current, _other]);
        _hasher.Setup(h => h.Hash(It.IsAny<string>())).Returns((string p) => "hash:" + p);
        _hasher.Setup(h => h.Verify(It.IsAny<string>(), It.IsAny<string>()))
            .Returns((string hash, string password) => hash == "hash:" + password ? PasswordCheck.Succeeded : PasswordCheck.Failed);
        _throttle.Setup(t => t.TryReserveAsync(It.IsAny<string>(), It.IsAny<string?>()))
            .ReturnsAsync((string email, string? client) => new LoginAttempt(email, client, "slot", null));
    }

    [Test]
    public async Task Changing_the_password_ends_every_other_session_keeps_this_one_and_tells_the_address()
    {
        var result = await ChangePassword().Handle(new ChangePasswordCommand("current-password", "a-brand-new-passphrase"), CancellationToken.None);

        result.Failure.ShouldBeNull();
        _user.PasswordHash.ShouldBe("hash:a-brand-new-passphrase");
        _other.RevokedReason.ShouldBe(SessionRevocation.PasswordChanged);
        _current.RevokedAt.ShouldBeNull();
        _throttle.Verify(t => t.ReleaseAsync(It.IsAny<LoginAttempt>()), Times.Once);
        _outbox.Verify(o => o.Queue(EmailTemplate.PasswordChanged, "ada@example.com", It.IsAny<IReadOnlyDictionary<string, object?>>(), null), Times.Once);
        _audit.Verify(a => a.Record(It.Is<AuditEvent>(e => e.Action == "password_changed" && e.EntityId == _user.Id)), Times.Once);
    }

    [Test]
    public async Task A_wrong_current_password_changes_nothing_answers_400_invalid_credentials_and_keeps_its_slot()
    {
        var result = await ChangePassword().Handle(new ChangePasswordCommand("a-wrong-guess", "a-brand-new-passphrase"), CancellationToken.None);

        result.Failure!.Code.ShouldBe("invalid_credentials");
        result.Failure.Status.ShouldBe(400);
        _user.PasswordHash.ShouldBe("hash:current-password");
        _other.RevokedAt.ShouldBeNull();
        _throttle.Verify(t => t.ReleaseAsync(It.IsAny<LoginAttempt>()), Times.Never);
        _outbox.Verify(o => o.Queue(It.IsAny<EmailTemplate>(), It.IsAny<string>(), It.IsAny<IReadOnlyDictionary<string, object?>>(), It.IsAny<Guid?>()), Times.Never);
        _audit.Verify(a => a.Record(It.Is<AuditEvent>(e => e.Action == "password_change_failed")), Times.Once);
        Should.Throw<BusinessRuleException>(() => result.ThrowIfRefused());
    }

    [Test]
    public async Task Guesses_of_the_current_password_count_in_the_sign_in_throttle_of_the_account_and_are_refused_before_hashing()
    {
        _throttle.Setup(t => t.TryReserveAsync("ada@example.com", "10.0.0.1"))
            .ReturnsAsync(new LoginAttempt("ada@example.com", "10.0.0.1", string.Empty, TimeSpan.FromSeconds(42)));

        var result = await ChangePassword().Handle(new ChangePasswordCommand("current-password", "a-brand-new-passphrase"), CancellationToken.None);

        result.Failure!.Code.ShouldBe("too_many_login_attempts");
        _hasher.Verify(h => h.Verify(It.IsAny<string>(), It.IsAny<string>()), Times.Never);
        _user.PasswordHash.ShouldBe("hash:current-password");
        Should.Throw<TooManyRequestsException>(() => result.ThrowIfRefused()).RetryAfter.ShouldBe(TimeSpan.FromSeconds(42));
    }

    [TestCase("short", "NewPassword")]
    [TestCase("password123", "NewPassword")]
    [TestCase("current-password", "NewPassword")]
    public void A_new_password_follows_the_password_policy_and_differs_from_the_current_one(string newPassword, string field) =>
        new ChangePasswordValidator().Validate(new ChangePasswordCommand("current-password", newPassword))
            .Errors.ShouldContain(e => e.PropertyName == field);

    [Test]
    public void The_current_password_is_required_and_bounded_like_a_new_one()
    {
        var validator = new ChangePasswordValidator();

        validator.Validate(new ChangePasswordCommand("", "a-brand-new-passphrase")).Errors.ShouldContain(e => e.PropertyName == "CurrentPassword");
        validator.Validate(new ChangePasswordCommand(new string('x', PasswordPolicy.MaxLength + 1), "a-brand-new-passphrase"))
            .Errors.ShouldContain(e => e.PropertyName == "CurrentPassword");
        validator.Validate(new ChangePasswordCommand("current-password", "a-brand-new-passphrase")).IsValid.ShouldBeTrue();
    }

    [Test]
    public async Task Ending_a_session_revokes_it_and_ending_anothers_or_an_ended_one_is_not_found()
    {
        var stranger = UserSession.Start(Guid.NewGuid(), Now, null, null);
        _sessions.Setup(s => s.FirstOrDefaultAsync(It.IsAny<ISpecification<UserSession>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((ISpecification<UserSession> spec, CancellationToken _) =>
                spec.Evaluate(new[] { _current, _other, stranger }).FirstOrDefault());
        foreach (var session in new[] { _current, _other, stranger })
        {
            session.IssueRefreshToken([1], Now, TimeSpan.FromDays(7));
        }

        await EndSession().Handle(new EndSessionCommand(_other.Id), CancellationToken.None);

        _other.RevokedReason.ShouldBe(SessionRevocation.EndedByUser);
        _current.RevokedAt.ShouldBeNull();
        (await Should.ThrowAsync<NotFoundException>(() => EndSession().Handle(new EndSessionCommand(stranger.Id), CancellationToken.None)))
            .Code.ShouldBe("session_not_found");
        stranger.RevokedAt.ShouldBeNull();
        (await Should.ThrowAsync<NotFoundException>(() => EndSession().Handle(new EndSessionCommand(_other.Id), CancellationToken.None)))
            .Code.ShouldBe("session_not_found");
    }

    [Test]
    public async Task My_sessions_are_my_live_ones_newest_first_with_the_current_one_marked()
    {
        var older = UserSession.Start(_user.Id, Now.AddDays(-1), null, null);
        var ended = UserSession.Start(_user.Id, Now.AddMinutes(1), null, null);
        var stranger = UserSession.Start(Guid.NewGuid(), Now.AddMinutes(2), null, null);
        foreach (var session in new[] { _current, older, ended, stranger })
        {
            session.IssueRefreshToken([1], session.CreatedAt, TimeSpan.FromDays(7));
        }

        ended.Revoke(SessionRevocation.Logout, Now.AddMinutes(1));
        var store = new InMemoryReadStore().With(_current, older, ended, stranger);

        var list = await new ListMySessionsQueryHandler(store, _context, TimeProvider.System).Handle(new ListMySessionsQuery(), CancellationToken.None);

        list.Items.Select(s => s.Id).ShouldBe([_current.Id, older.Id]);
        list.Items.Select(s => s.Current).ShouldBe([true, false]);
    }

    [Test]
    public async Task Updating_me_renames_me_and_answers_as_get_me()
    {
        var organization = Organization.Create("Engines", null, _user.Id, Now);
        var store = new InMemoryReadStore().With(organization.Memberships.ToArray()).With(organization);

        var me = await new UpdateMeCommandHandler(_users.Object, store, _context, TimeProvider.System)
            .Handle(new UpdateMeCommand(" Ada King "), CancellationToken.None);

        _user.Name.ShouldBe("Ada King");
        me.Name.ShouldBe("Ada King");
        me.Email.ShouldBe("ada@example.com");
        me.Organizations.ShouldHaveSingleItem().Id.ShouldBe(organization.Id);
    }

    [TestCase("")]
    [TestCase("   ")]
    public void A_name_is_required(string name) =>
        new UpdateMeValidator().Validate(new UpdateMeCommand(name)).Errors.ShouldContain(e => e.PropertyName == "Name");

    [Test]
    public void A_name_is_bounded_as_at_registration()
    {
        new UpdateMeValidator().Validate(new UpdateMeCommand(new string('n', User.NameMaxLength + 1))).IsValid.ShouldBeFalse();
        new UpdateMeValidator().Validate(new UpdateMeCommand(new string('n', User.NameMaxLength))).IsValid.ShouldBeTrue();
    }

    private ChangePasswordCommandHandler ChangePassword() =>
        new(_users.Object, _sessions.Object, _hasher.Object, _throttle.Object, _outbox.Object, _context, _audit.Object, TimeProvider.System);

    private EndSessionCommandHandler EndSession() => new(_sessions.Object, _context, _audit.Object, TimeProvider.System);
}
