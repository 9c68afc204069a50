using Crm.Application.Auth.Commands.Register;
using Crm.Application.Auth.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Email;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Organizations.Common;
using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Invitations;
using Crm.Domain.Organizations;
using Crm.Domain.Users;
using MediatR;

namespace Crm.Application.Auth.Commands.AcceptInvitation;

/// <summary>Creates the invited person's account and membership, and signs them in.</summary>
[AuditAction("accept_invitation")]
public sealed record AcceptInvitationCommand(string Token, string Name, string Password) : ICommand<AuthResult>;

public sealed class AcceptInvitationCommandHandler(
    IRepository<Invitation> tokens,
    IRepository<User> users,
    IRepository<Organization> organizations,
    IPasswordHasher hasher,
    IEmailOutbox outbox,
    SessionIssuer sessions,
    TimeProvider time) : IRequestHandler<AcceptInvitationCommand, AuthResult>
{
    public async Task<AuthResult> Handle(AcceptInvitationCommand request, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var invitation = await tokens.FirstOrDefaultAsync(new InvitationByHashSpecification(SecretTokens.Hash(request.Token)), cancellationToken)
            ?? throw new BusinessRuleException(ErrorCatalog.InvalidInvitation);
        invitation.Accept(now);
        if (await users.AnyAsync(new UserByEmailSpecification(invitation.Email), cancellationToken))
        {
            throw RegisterCommandHandler.EmailTaken();
        }

        var organization = await organizations.FirstOrDefaultAsync(new OrganizationWithMembersSpecification(invitation.OrganizationId), cancellationToken)
            ?? throw new BusinessRuleException(ErrorCatalog.InvalidInvitation);
        var user = User.Register(invitation.Email, request.Name, hasher.Hash(request.Password), now);
        // The token arrived at this address: that proves it.
        user.ConfirmEmail(now);
        users.Add(user);
        var membership = organization.Admit(user.Id, invitation.Role, now);
        outbox.Queue(EmailTemplate.Welcome, user.Email, new Dictionary<string, object?>
        {
            ["name"] = user.Name,
            ["organization"] = organization.Name,
        }, organization.Id);
        var joined = new OrganizationMembershipDto(organization.Id, organization.Name, membership.Role);
        return sessions.Start(user, [joined]) with { Organization = joined };
    }
}
