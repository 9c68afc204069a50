using Crm.Application.Auth.Common;
using Crm.Application.Common.Events;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Security;
using Crm.Application.Organizations.Common;
using Crm.Application.Webhooks.Common;
using Crm.Domain.Organizations;
using Crm.Domain.Organizations.Events;
using Crm.Domain.Users;
using MediatR;

namespace Crm.Application.Webhooks.EventHandlers;

/// <summary>
/// Announces members joining and leaving as <c>member.added</c> and <c>member.removed</c>, each with the member as
/// <c>GET /organizations/{id}/members</c> shows it (for a removal, as it was).
/// </summary>
public sealed class PublishMembershipChangesToWebhooks(IWebhookOutbox outbox, IReadStore store, IRequestContext context) :
    INotificationHandler<DomainEventNotification<MemberAdded>>,
    INotificationHandler<DomainEventNotification<MemberRemoved>>
{
    public async Task Handle(DomainEventNotification<MemberAdded> notification, CancellationToken cancellationToken)
    {
        var e = notification.DomainEvent;
        var organization = await outbox.CurrentAsync<Organization>(e.OrganizationId, cancellationToken);
        var membership = organization?.FindMember(e.UserId);
        var member = membership is null ? null : await MemberAsync(e.UserId, membership.Role, membership.CreatedAt, cancellationToken);
        await outbox.PublishAsync(
            e.OrganizationId, "member.added", context.ActorTypeOf(e.ActorId), e.ActorId, e.UserId, member, [], cancellationToken);
    }

    public async Task Handle(DomainEventNotification<MemberRemoved> notification, CancellationToken cancellationToken)
    {
        var e = notification.DomainEvent;
        var member = await MemberAsync(e.UserId, e.Role, e.JoinedAt, cancellationToken);
        await outbox.PublishAsync(
            e.OrganizationId, "member.removed", context.ActorTypeOf(e.ActorId), e.ActorId, e.UserId, member, [], cancellationToken);
    }

    private async Task<MemberDto?> MemberAsync(Guid userId, MemberRole role, DateTime joinedAt, CancellationToken ct)
    {
        // Read from the unit of work: a user who joins by an invitation may be created in this very transaction.
        var user = await outbox.CurrentAsync<User>(userId, ct);
        if (user is null)
        {
            return null;
        }

        var twoFactor = await store.AnyAsync(store.Query(new EnabledTwoFactorOfUserSpecification(userId)), ct);
        return new MemberDto(user.Id, user.Email, user.Name, role, joinedAt, twoFactor);
    }
}
