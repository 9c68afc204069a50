using Crm.Application.Auth.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Email;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Organizations.Common;
using Crm.Domain.Common;
using Crm.Domain.Invitations;
using Crm.Domain.Organizations;
using Crm.Domain.Users;
using MediatR;

namespace Crm.Application.Organizations.Commands.AddMember;

/// <summary>
/// Adds a registered user to the current organization with a role; an email without an account is invited
/// instead, by an email with a single-use link.
/// </summary>
[Authorize(Roles = "owner,admin")]
[AuditAction("add_member")]
public sealed record AddMemberCommand(string Email, MemberRole? Role) : ICommand<AddMemberResult>, IOrganizationScoped;

/// <summary>The member added, or the invitation sent when the email has no account yet.</summary>
public sealed record AddMemberResult(MemberDto? Member, InvitationDto? Invitation);

public sealed record InvitationDto(Guid Id, string Email, MemberRole Role, DateTime CreatedAt, DateTime ExpiresAt);

public sealed class AddMemberCommandHandler(
    IRepository<Organization> organizations,
    IRepository<User> users,
    IRepository<Invitation> tokens,
    IEmailOutbox outbox,
    IEmailLinks links,
    IReadStore store,
    IRequestContext context,
    TimeProvider time)
    : IRequestHandler<AddMemberCommand, AddMemberResult>
{
    public async Task<AddMemberResult> Handle(AddMemberCommand request, CancellationToken cancellationToken)
    {
        var (organization, actor) = await organizations.LoadCurrentAsync(context, cancellationToken);
        var role = request.Role!.Value;
        var now = time.UtcNow();
        if (await users.FirstOrDefaultAsync(new UserByEmailSpecification(request.Email), cancellationToken) is { } user)
        {
            var membership = organization.AddMember(actor, user, role, now);
            var twoFactor = await SessionIssuer.UsesTwoFactorAsync(store, user.Id, cancellationToken);
            return new AddMemberResult(new MemberDto(user.Id, user.Email, user.Name, membership.Role, membership.CreatedAt, twoFactor), null);
        }

        var (token, hash) = SecretTokens.Generate();
        var invitation = await tokens.FirstOrDefaultAsync(new PendingInvitationSpecification(organization.Id, request.Email), cancellationToken);
        if (invitation is null)
        {
            invitation = Invitation.Send(organization.Id, actor, request.Email, role, hash, now);
            tokens.Add(invitation);
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
        return new AddMemberResult(null, new InvitationDto(invitation.Id, invitation.Email, invitation.Role, invitation.CreatedAt, invitation.ExpiresAt));
    }
}
