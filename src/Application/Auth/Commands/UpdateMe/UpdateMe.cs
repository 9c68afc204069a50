using Crm.Application.Auth.Common;
using Crm.Application.Auth.Queries.GetCurrentUser;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Domain.Common;
using Crm.Domain.Users;
using MediatR;

namespace Crm.Application.Auth.Commands.UpdateMe;

/// <summary>Changes the caller's own profile (the name people see); answers the user as GET /auth/me does.</summary>
[Authorize]
[AuditAction("update_me")]
public sealed record UpdateMeCommand(string Name) : ICommand<CurrentUserDto>;

public sealed class UpdateMeCommandHandler(IRepository<User> users, IReadStore store, IRequestContext context, TimeProvider time)
    : IRequestHandler<UpdateMeCommand, CurrentUserDto>
{
    public async Task<CurrentUserDto> Handle(UpdateMeCommand request, CancellationToken cancellationToken)
    {
        var user = await CurrentUser.FindAsync(users, context, cancellationToken);
        user.Rename(request.Name, time.UtcNow());
        var organizations = await SessionIssuer.OrganizationsOfAsync(store, user.Id, cancellationToken);
        var twoFactor = await SessionIssuer.UsesTwoFactorAsync(store, user.Id, cancellationToken);
        return new CurrentUserDto(user.Id, user.Email, user.Name, user.EmailVerified, twoFactor, user.CreatedAt, organizations);
    }
}
