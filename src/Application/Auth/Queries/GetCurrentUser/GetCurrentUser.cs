using Crm.Application.Auth.Common;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Domain.Users;
using MediatR;

namespace Crm.Application.Auth.Queries.GetCurrentUser;

[Authorize]
public sealed record GetCurrentUserQuery : IQuery<CurrentUserDto>;

public sealed record CurrentUserDto(
    Guid Id,
    string Email,
    string Name,
    bool EmailVerified,
    bool TwoFactorEnabled,
    DateTime CreatedAt,
    IReadOnlyList<OrganizationMembershipDto> Organizations);

public sealed class GetCurrentUserQueryHandler(IReadStore store, IRequestContext context)
    : IRequestHandler<GetCurrentUserQuery, CurrentUserDto>
{
    public async Task<CurrentUserDto> Handle(GetCurrentUserQuery request, CancellationToken cancellationToken)
    {
        var userId = context.RequireUserId();
        var user = await store.FirstOrDefaultAsync(store.Query<User>().Where(u => u.Id == userId), cancellationToken)
            ?? throw CurrentUser.Gone();
        var organizations = await SessionIssuer.OrganizationsOfAsync(store, userId, cancellationToken);
        var twoFactor = await SessionIssuer.UsesTwoFactorAsync(store, userId, cancellationToken);
        return new CurrentUserDto(user.Id, user.Email, user.Name, user.EmailVerified, twoFactor, user.CreatedAt, organizations);
    }
}
