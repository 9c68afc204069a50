using Crm.Application.ApiKeys.Common;
using Crm.Application.Auth.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Email;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Organizations.Common;
using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Invitations;
using Crm.Domain.Invitations.Rules;
using Crm.Domain.Organizations;
using Crm.Domain.Users;
using MediatR;

namespace Crm.Application.Auth.Commands.AcceptInvitation;

/// <summary>
/// Joins the organization by the emailed link, which proves the address, and signs in. An address without an account
/// gets one with the name and password given; an address with one needs that account's password (the name is then
/// ignored), so the link alone never opens an existing account.
/// </summary>
[AuditAction("accept_invitation")]
public sealed record AcceptInvitationCommand(string Token, string Name, string Password) : ICommand<AuthResult>;

public sealed class AcceptInvitationCommandHandler(
    IRepository<Invitation> tokens,
    IRepository<User> users,
    IRepository<Organization> organizations,
    IPasswordHasher hasher,
    ILoginThrottle throttle,
    IEmailOutbox outbox,
    IReadStore store,
    IRequestContext context,
    SessionIssuer sessions,
    TimeProvider time) : IRequestHandler<AcceptInvitationCommand, AuthResult>
{
    public async Task<AuthResult> Handle(AcceptInvitationCommand request, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var invitation = await tokens.FirstOrDefaultAsync(new InvitationByHashSpecification(SecretTokens.Hash(request.Token)), cancellationToken)
            ?? throw new BusinessRuleException(ErrorCatalog.InvalidInvitation);
        BusinessRules.Check(new InvitationIsPending(invitation, now));
        var organization = await organizations.FirstOrDefaultAsync(new OrganizationWithMembersSpecification(invitation.OrganizationId), cancellationToken)
            ?? throw new BusinessRuleException(ErrorCatalog.InvalidInvitation);

        // A password is checked or chosen either way, under the sign-in throttle, with one slow hash each: neither the
        // answer before the password is right nor the time taken tells whether the address has an account.
        var attempt = await throttle.TryReserveAsync(invitation.Email, context.ClientAddress);
        if (attempt.RetryAfter is { } wait)
        {
            throw new TooManyRequestsException(ErrorCatalog.TooManyLoginAttempts, wait);
        }

        var user = await users.FirstOrDefaultAsync(new UserByEmailSpecification(invitation.Email), cancellationToken);
        if (user is null)
        {
            user = User.Register(invitation.Email, request.Name, hasher.Hash(request.Password), now);
            users.Add(user);
        }
        else
        {
            var check = hasher.Verify(user.PasswordHash, request.Password);
            if (check == PasswordCheck.Failed)
            {
                throw new BusinessRuleException(ErrorCatalog.WrongPassword);
            }

            if (check == PasswordCheck.SucceededRehashNeeded)
            {
                user.ChangePasswordHash(hasher.Hash(request.Password), now);
            }
        }

        await throttle.ReleaseAsync(attempt);

        // The token arrived at this address: that proves it.
        user.ConfirmEmail(now);
        var membership = invitation.Accept(organization, user, now, await store.RoleAsync(invitation, now, cancellationToken));
        outbox.Queue(EmailTemplate.Welcome, user.Email, new Dictionary<string, object?>
        {
            ["name"] = user.Name,
            ["organization"] = organization.Name,
        }, organization.Id);
        var joined = new OrganizationMembershipDto(organization.Id, organization.Name, membership.Role);
        var memberships = await SessionIssuer.OrganizationsOfAsync(store, user.Id, cancellationToken);
        return sessions.Start(user, [.. memberships, joined]) with { Organization = joined };
    }
}
