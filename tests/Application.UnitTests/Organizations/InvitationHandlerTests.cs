using Ardalis.Specification;
using Crm.Application.Auth.Commands.AcceptInvitation;
using Crm.Application.Auth.Common;
using Crm.Application.Common.Email;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Security;
using Crm.Application.Notifications.Common;
using Crm.Application.Organizations.Commands.AddMember;
using Crm.Domain.Common;
using Crm.Domain.Invitations;
using Crm.Domain.Organizations;
using Crm.Domain.Sessions;
using Crm.Domain.Users;
using Moq;

namespace Crm.Application.UnitTests.Organizations;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class InvitationHandlerTests
{
    private static readonly DateTime Now = DateTime.UtcNow;

    private readonly Mock<IRepository<Organization>> _organizations = new();
    private readonly Mock<IRepository<User>> _users = new();
    private readonly Mock<IRepository<Invitation>> _invitations = new();
    private readonly Mock<IEmailOutbox> _outbox = new();
    private readonly Mock<IEmailLinks> _links = new();
    private readonly Mock<IPasswordHasher> _hasher = new();
    private readonly Mock<ILoginThrottle> _throttle = new();
    private readonly RequestContext _context = new();
    private readonly Guid _ownerId = Guid.NewGuid();
    private Organization _organization = null!;

    [SetUp]
    public void ConfigureCollaborators()
    {
        _organization = Organization.Create("Acme", "USD", _ownerId, Now);
        _context.SetUser(_ownerId, Guid.NewGuid());
        _context.SetOrganization(_organization.Id, MemberRole.Owner);
        _context.SetClient("10.0.0.1", "tests");
        _organizations.Setup(o => o.FirstOrDefaultAsync(It.IsAny<ISpecification<Organization>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => _organization);
        _links.Setup(l => l.AcceptInvitation(It.IsAny<string>())).Returns("https://crm.test/accept-invitation?token=t");
        _hasher.Setup(h => h.Hash(It.IsAny<string>())).Returns((string p) => "hash:" + p);
        _throttle.Setup(t => t.TryReserveAsync(It.IsAny<string>(), It.IsAny<string?>()))
            .ReturnsAsync((string email, string? client) => new LoginAttempt(email, client, "slot", null));
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task Inviting_does_the_same_work_whether_or_not_the_address_has_an_account(bool hasAccount)
    {
        _users.Setup(u => u.FirstOrDefaultAsync(It.IsAny<ISpecification<User>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(hasAccount ? Verified("grace@example.com") : null);

        var result = await AddMemberHandler().Handle(new AddMemberCommand("grace@example.com", MemberRole.Member), CancellationToken.None);

        result.Invitation.Email.ShouldBe("grace@example.com");
        _users.Verify(u => u.FirstOrDefaultAsync(It.IsAny<ISpecification<User>>(), It.IsAny<CancellationToken>()), Times.Once);
        _users.Verify(u => u.FindAsync(_ownerId, It.IsAny<CancellationToken>()), Times.Once);
        _users.VerifyNoOtherCalls();
        _invitations.Verify(i => i.Add(It.IsAny<Invitation>()), Times.Once);
        _outbox.Verify(o => o.Queue(EmailTemplate.Invitation, "grace@example.com", It.IsAny<IReadOnlyDictionary<string, object?>>(), _organization.Id), Times.Once);
        _outbox.VerifyNoOtherCalls();
        _organization.Memberships.ShouldHaveSingleItem();
    }

    [Test]
    public async Task Inviting_a_member_of_the_organization_answers_member_exists_and_sends_nothing()
    {
        var grace = Verified("grace@example.com");
        _organization.Admit(grace.Id, MemberRole.Member, Now);
        _users.Setup(u => u.FirstOrDefaultAsync(It.IsAny<ISpecification<User>>(), It.IsAny<CancellationToken>())).ReturnsAsync(grace);

        var error = await Should.ThrowAsync<BusinessRuleException>(() =>
            AddMemberHandler().Handle(new AddMemberCommand("grace@example.com", MemberRole.Admin), CancellationToken.None));

        error.Code.ShouldBe("member_exists");
        _invitations.Verify(i => i.Add(It.IsAny<Invitation>()), Times.Never);
        _outbox.VerifyNoOtherCalls();
    }

    [Test]
    public async Task The_link_with_a_wrong_password_for_an_existing_account_joins_nothing_and_keeps_the_throttle_slot()
    {
        var invitation = Invitation.Send(_organization.Id, new Actor(_ownerId, MemberRole.Owner), "grace@example.com", MemberRole.Member, [1], Now);
        _invitations.Setup(i => i.FirstOrDefaultAsync(It.IsAny<ISpecification<Invitation>>(), It.IsAny<CancellationToken>())).ReturnsAsync(invitation);
        var grace = User.Register("grace@example.com", "Grace", "hash:right", Now);
        _users.Setup(u => u.FirstOrDefaultAsync(It.IsAny<ISpecification<User>>(), It.IsAny<CancellationToken>())).ReturnsAsync(grace);
        _hasher.Setup(h => h.Verify("hash:right", "wrong-password")).Returns(PasswordCheck.Failed);

        var error = await Should.ThrowAsync<BusinessRuleException>(() =>
            AcceptHandler().Handle(new AcceptInvitationCommand("token", "Name", "wrong-password"), CancellationToken.None));

        error.Code.ShouldBe("invalid_credentials");
        error.Kind.ShouldBe(Domain.Errors.ErrorKind.Invalid);
        _throttle.Verify(t => t.ReleaseAsync(It.IsAny<LoginAttempt>()), Times.Never);
        _users.Verify(u => u.Add(It.IsAny<User>()), Times.Never);
        grace.EmailVerified.ShouldBeFalse();
        invitation.IsOpen.ShouldBeTrue();
        _organization.FindMember(grace.Id).ShouldBeNull();
    }

    [Test]
    public async Task The_link_when_throttled_answers_429_without_hashing()
    {
        var invitation = Invitation.Send(_organization.Id, new Actor(_ownerId, MemberRole.Owner), "grace@example.com", MemberRole.Member, [1], Now);
        _invitations.Setup(i => i.FirstOrDefaultAsync(It.IsAny<ISpecification<Invitation>>(), It.IsAny<CancellationToken>())).ReturnsAsync(invitation);
        _throttle.Setup(t => t.TryReserveAsync(It.IsAny<string>(), It.IsAny<string?>()))
            .ReturnsAsync((string email, string? client) => new LoginAttempt(email, client, "slot", TimeSpan.FromSeconds(30)));

        var error = await Should.ThrowAsync<TooManyRequestsException>(() =>
            AcceptHandler().Handle(new AcceptInvitationCommand("token", "Name", "any-password"), CancellationToken.None));

        error.Code.ShouldBe("too_many_login_attempts");
        _hasher.Verify(h => h.Verify(It.IsAny<string>(), It.IsAny<string>()), Times.Never);
        _hasher.Verify(h => h.Hash(It.IsAny<string>()), Times.Never);
    }

    private static User Verified(string email)
    {
        var user = User.Register(email, "Grace", "hash", Now);
        user.ConfirmEmail(Now);
        return user;
    }

    private AddMemberCommandHandler AddMemberHandler() => new(
        _organizations.Object, _users.Object, _invitations.Object, _outbox.Object, Mock.Of<INotificationOutbox>(), _links.Object, _context,
        TimeProvider.System);

    private AcceptInvitationCommandHandler AcceptHandler() => new(
        _invitations.Object, _users.Object, _organizations.Object, _hasher.Object, _throttle.Object, _outbox.Object,
        new InMemoryReadStore(), _context,
        new SessionIssuer(new Mock<IRepository<UserSession>>().Object, new Mock<IRepository<RefreshToken>>().Object,
            new Mock<ITokenIssuer>().Object, new InMemoryReadStore(), _context, TimeProvider.System),
        TimeProvider.System);
}
