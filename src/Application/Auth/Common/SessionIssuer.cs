using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Security;
using Crm.Domain.Common;
using Crm.Domain.Organizations;
using Crm.Domain.Sessions;
using Crm.Domain.Users;

namespace Crm.Application.Auth.Common;

/// <summary>Starts sessions and rotates their tokens; shared by register, login and refresh.</summary>
public sealed class SessionIssuer(
    IRepository<UserSession> sessions,
    IRepository<RefreshToken> refreshTokens,
    ITokenIssuer tokens,
    IReadStore store,
    IRequestContext context,
    TimeProvider time)
{
    /// <summary>Starts a session for a user whose memberships are already stored.</summary>
    public async Task<AuthResult> StartAsync(User user, CancellationToken cancellationToken) =>
        Start(
            user,
            await OrganizationsOfAsync(store, user.Id, cancellationToken),
            await UsesTwoFactorAsync(store, user.Id, cancellationToken));

    /// <summary>
    /// Starts a session, answering with the memberships given (they may not be stored yet); for a new account,
    /// which has no authenticator yet unless told otherwise.
    /// </summary>
    public AuthResult Start(User user, IReadOnlyList<OrganizationMembershipDto> organizations, bool twoFactorEnabled = false)
    {
        var session = UserSession.Start(user.Id, time.UtcNow(), context.ClientAddress, context.UserAgent);
        sessions.Add(session);
        return Issue(user, session, organizations, twoFactorEnabled);
    }

    /// <summary>Issues the next token pair of an existing session.</summary>
    public async Task<AuthResult> RotateAsync(User user, UserSession session, CancellationToken cancellationToken) =>
        Issue(
            user,
            session,
            await OrganizationsOfAsync(store, user.Id, cancellationToken),
            await UsesTwoFactorAsync(store, user.Id, cancellationToken));

    /// <summary>Whether the user has two-factor sign-in on (a confirmed authenticator).</summary>
    public static Task<bool> UsesTwoFactorAsync(IReadStore store, Guid userId, CancellationToken cancellationToken) =>
        store.AnyAsync(store.Query(new EnabledTwoFactorOfUserSpecification(userId)), cancellationToken);

    /// <summary>The organizations a user belongs to, oldest membership first.</summary>
    public static async Task<List<OrganizationMembershipDto>> OrganizationsOfAsync(
        IReadStore store, Guid userId, CancellationToken cancellationToken)
    {
        var query =
            from m in store.Query<Membership>()
            join o in store.Query<Organization>() on m.OrganizationId equals o.Id
            where m.UserId == userId
            orderby m.CreatedAt, o.Id
            select new OrganizationMembershipDto(o.Id, o.Name, m.Role);
        return await store.ToListAsync(query, cancellationToken);
    }

    private AuthResult Issue(User user, UserSession session, IReadOnlyList<OrganizationMembershipDto> organizations, bool twoFactorEnabled)
    {
        var (refreshToken, hash) = SecretTokens.Generate();
        refreshTokens.Add(session.IssueRefreshToken(hash, time.UtcNow(), tokens.RefreshTokenLifetime));
        var access = tokens.IssueAccessToken(user, session.Id);
        return new AuthResult(
            "Bearer",
            access.Token,
            access.ExpiresInSeconds,
            refreshToken,
            new UserDto(user.Id, user.Email, user.Name, user.EmailVerified, twoFactorEnabled),
            organizations);
    }
}
