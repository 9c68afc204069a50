using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Security;
using Crm.Domain.Errors;
using Crm.Domain.Users;

namespace Crm.Application.Auth.Common;

/// <summary>The signed-in caller's own account, for requests about themselves; an account deleted since the token was issued is a 401.</summary>
public static class CurrentUser
{
    public static async Task<User> FindAsync(IRepository<User> users, IRequestContext context, CancellationToken cancellationToken) =>
        await users.FindAsync(context.RequireUserId(), cancellationToken) ?? throw Gone();

    public static UnauthorizedException Gone() => new(ErrorCatalog.InvalidToken, "The account no longer exists.");
}
