using Crm.Application.Auth.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Email;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Invitations.Common;
using Crm.Application.Notifications.Common;
using Crm.Application.Organizations.Common;
using Crm.Domain.Common;
using Crm.Domain.Invitations;
using Crm.Domain.Notifications;
using Crm.Domain.Organizations;
using Crm.Domain.Organizations.Rules;
using Crm.Domain.Users;
using MediatR;

namespace Crm.Application.Organizations.Commands.AddMember;

/// <summary>
/// Invites an email address to the current organization with a role, by an email with a single-use link. Nobody joins
/// by this act alone: the address's owner accepts. Inviting the same address again replaces the pending invitation.
/// </summary>
[Authorize(Roles = "owner,admin")]
[AuditAction("invite_member")]
public sealed record AddMemberCommand(string Email, MemberRole? Role) : ICommand<AddMemberResult>, IOrganizationScoped;

/// <summary>The invitation sent; the same whether or not the address has an account.</summary>
public sealed record AddMemberResult(InvitationDto Invitation);

public sealed class AddMemberCommandHandler(
    IRepository<Organization> organizations,
    IRepository<User> users,
    IRepository<Invitation> invitations,
    IEmailOutbox outbox,
    INotificationOutbox notifications,
    IEmailLinks links,
    IRequestContext context,
    TimeProvider time)
    : IRequestHandler<AddMemberCommand, AddMemberResult>
{
    public async Task<AddMemberResult> Handle(AddMemberCommand request, CancellationToken cancellationToken)
    {
        var (organization, actor) = await organizations.LoadCurrentAsync(context, cancellationToken);
        var role = request.Role!.Value;
        var now = time.UtcNow();

        // The same lookup runs whether or not the address has an account; only membership changes the answer,
        // and the organization may know its own members.
        var account = await users.FirstOrDefaultAsync(new UserByEmailSpecification(request.Email), cancellationToken);
        BusinessRules.Check(new UserIsNotYetMember(account is not null && organization.FindMember(account.Id) is not null));

        var (token, hash) = SecretTokens.Generate();
        var invitation = await invitations.FirstOrDefaultAsync(new PendingInvitationSpecification(organization.Id, request.Email), cancellationToken);
        if (invitation is null)
        {
            invitation = Invitation.Send(organization.Id, actor, request.Email, role, hash, now);
            invitations.Add(invitation);
        }
        else
        {
            invitation.Renew(actor, role, hash, now);
        }

        var inviter = await users.FindAsync(actor.UserId, cancellationToken);
        outbox.Queue(EmailTemplate.Invitation, invitation.Email, new Dictionary<string, object?>
        {
            ["organization"] = organization.Name,
            ["inviter"] = inviter?.Name,
            ["role"] = role.ToString().ToLowerInvariant(),
            ["link"] = links.AcceptInvitation(token),
            ["days"] = (int)Invitation.Lifetime.TotalDays,
        }, organization.Id);
        // Like the invitation list, only a proved address learns which organization invited it.
        if (account is { EmailVerified: true })
        {
            notifications.Queue(new NotificationDraft(
                account.Id, organization.Id, NotificationTypes.InvitationReceived, NotificationRecordTypes.Invitation, invitation.Id,
                actor.UserId, organization.Name, role.ToString().ToLowerInvariant()));
        }

        return new AddMemberResult(new InvitationDto(
            invitation.Id, invitation.Email, invitation.Role, new InviterDto(actor.UserId, inviter?.Name ?? string.Empty),
            invitation.CreatedAt, invitation.ExpiresAt));
    }
}
