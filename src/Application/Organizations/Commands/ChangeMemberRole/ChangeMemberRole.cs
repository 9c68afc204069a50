using Crm.Application.Auth.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Organizations.Common;
using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Organizations;
using Crm.Domain.Users;
using MediatR;

namespace Crm.Application.Organizations.Commands.ChangeMemberRole;

[Authorize(Roles = "owner,admin")]
[AuditAction("change_member_role")]
public sealed record ChangeMemberRoleCommand(Guid UserId, MemberRole? Role) : ICommand<MemberDto>, IOrganizationScoped;

public sealed class ChangeMemberRoleCommandHandler(
    IRepository<Organization> organizations, IRepository<User> users, IReadStore store, IRequestContext context, TimeProvider time)
    : IRequestHandler<ChangeMemberRoleCommand, MemberDto>
{
    public async Task<MemberDto> Handle(ChangeMemberRoleCommand request, CancellationToken cancellationToken)
    {
        var (organization, actor) = await organizations.LoadCurrentAsync(context, cancellationToken);
        var membership = organization.ChangeMemberRole(actor, request.UserId, request.Role!.Value, time.UtcNow());
        var user = await users.FindAsync(request.UserId, cancellationToken)
            ?? throw new NotFoundException(ErrorCatalog.MemberNotFound);
        return new MemberDto(
            user.Id, user.Email, user.Name, membership.Role, membership.CreatedAt,
            await SessionIssuer.UsesTwoFactorAsync(store, user.Id, cancellationToken));
    }
}
