using Crm.Application.Common.Events;
using Crm.Application.Common.Security;
using Crm.Application.Organizations.Common;
using Crm.Application.Webhooks.Common;
using Crm.Application.Webhooks.EventHandlers;
using Crm.Domain.Auditing;
using Crm.Domain.Organizations;
using Crm.Domain.Organizations.Events;
using Crm.Domain.Users;
using Moq;

namespace Crm.Application.UnitTests.Webhooks;

public sealed class PublishMembershipChangesToWebhooksTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);

    [Test]
    public async Task A_user_created_by_accepting_an_invitation_is_announced_as_the_member_list_shows_it()
    {
        var ownerId = Guid.NewGuid();
        var organization = Organization.Create("Acme", null, ownerId, Now);
        var user = User.Register("ada@example.com", "Ada", "hash", Now);
        organization.Admit(user.Id, MemberRole.Manager, Now.AddHours(1));
        var outbox = new Mock<IWebhookOutbox>();

        // Neither is saved yet: both come from the unit of work, never from the database.
        outbox.Setup(o => o.CurrentAsync<Organization>(organization.Id, It.IsAny<CancellationToken>())).ReturnsAsync(organization);
        outbox.Setup(o => o.CurrentAsync<User>(user.Id, It.IsAny<CancellationToken>())).ReturnsAsync(user);
        var handler = new PublishMembershipChangesToWebhooks(outbox.Object, new InMemoryReadStore(), Mock.Of<IRequestContext>());

        await handler.Handle(
            new DomainEventNotification<MemberAdded>(organization.DomainEvents.OfType<MemberAdded>().Single()), CancellationToken.None);

        outbox.Verify(o => o.PublishAsync(
            organization.Id, "member.added", ActorType.User, user.Id, user.Id,
            new MemberDto(user.Id, user.Email, "Ada", MemberRole.Manager, Now.AddHours(1), false),
            It.Is<IReadOnlyList<WebhookChange>>(c => c.Count == 0), It.IsAny<CancellationToken>()));
    }

    [Test]
    public async Task A_removed_member_is_announced_with_the_role_and_joining_date_it_had()
    {
        var ownerId = Guid.NewGuid();
        var organization = Organization.Create("Acme", null, ownerId, Now);
        var user = User.Register("grace@example.com", "Grace", "hash", Now);
        organization.Admit(user.Id, MemberRole.Admin, Now.AddHours(1));
        organization.RemoveMember(new Actor(ownerId, MemberRole.Owner), user.Id, Now.AddHours(2));
        var outbox = new Mock<IWebhookOutbox>();
        outbox.Setup(o => o.CurrentAsync<User>(user.Id, It.IsAny<CancellationToken>())).ReturnsAsync(user);
        var handler = new PublishMembershipChangesToWebhooks(outbox.Object, new InMemoryReadStore(), Mock.Of<IRequestContext>());

        await handler.Handle(
            new DomainEventNotification<MemberRemoved>(organization.DomainEvents.OfType<MemberRemoved>().Single()), CancellationToken.None);

        outbox.Verify(o => o.PublishAsync(
            organization.Id, "member.removed", ActorType.User, ownerId, user.Id,
            new MemberDto(user.Id, user.Email, "Grace", MemberRole.Admin, Now.AddHours(1), false),
            It.IsAny<IReadOnlyList<WebhookChange>>(), It.IsAny<CancellationToken>()));
    }
}
