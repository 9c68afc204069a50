using Crm.Application.Auth.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Email;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.RateLimiting;
using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Organizations;
using Crm.Domain.Users;
using MediatR;

namespace Crm.Application.Auth.Commands.Register;

/// <summary>
/// Creates a user, its first organization (the user its owner) and a session, all at once, and emails a link that
/// proves the address.
/// </summary>
[AuditAction("register")]
public sealed record RegisterCommand(string Email, string Password, string Name, string OrganizationName)
    : ICommand<AuthResult>;

public sealed class RegisterCommandHandler(
    IRepository<User> users,
    IRepository<Organization> organizations,
    IPasswordHasher hasher,
    SessionIssuer sessions,
    IEmailOutbox outbox,
    IEmailLinks links,
    IKeyedRateLimiter limiter,
    TimeProvider time) : IRequestHandler<RegisterCommand, AuthResult>
{
    public async Task<AuthResult> Handle(RegisterCommand request, CancellationToken cancellationToken)
    {
        // Counted before the lookup, so that a botnet cannot try one address from many client addresses.
        await limiter.EnforceAsync(KeyedLimit.RegisterPerEmail, User.Normalize(request.Email), "this email address", cancellationToken);
        if (await users.AnyAsync(new UserByEmailSpecification(request.Email), cancellationToken))
        {
            throw EmailTaken();
        }

        var now = time.UtcNow();
        var user = User.Register(request.Email, request.Name, hasher.Hash(request.Password), now);
        users.Add(user);
        var organization = Organization.Create(request.OrganizationName, null, user.Id, now);
        organizations.Add(organization);

        outbox.Queue(EmailTemplate.Welcome, user.Email, new Dictionary<string, object?>
        {
            ["name"] = user.Name,
            ["organization"] = organization.Name,
        }, organization.Id);
        EmailVerificationLink.Send(user, outbox, links, now);
        var membership = new OrganizationMembershipDto(organization.Id, organization.Name, MemberRole.Owner);
        return sessions.Start(user, [membership]) with { Organization = membership };
    }

    internal static ConflictException EmailTaken() =>
        new(ErrorCatalog.EmailTaken);
}
