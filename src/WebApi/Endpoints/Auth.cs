using Crm.Application.AuditLogs.Common;
using Crm.Application.Auth.Commands.AcceptInvitation;
using Crm.Application.Auth.Commands.ChangePassword;
using Crm.Application.Auth.Commands.DeleteMe;
using Crm.Application.Auth.Commands.EndSession;
using Crm.Application.Auth.Commands.DisableTwoFactor;
using Crm.Application.Auth.Commands.EnableTwoFactor;
using Crm.Application.Auth.Commands.LoginTwoFactor;
using Crm.Application.Auth.Commands.SetupTwoFactor;
using Crm.Application.Auth.Commands.ForgotPassword;
using Crm.Application.Auth.Commands.Login;
using Crm.Application.Auth.Commands.Logout;
using Crm.Application.Auth.Commands.Refresh;
using Crm.Application.Auth.Commands.Register;
using Crm.Application.Auth.Commands.ResendVerification;
using Crm.Application.Auth.Commands.ResetPassword;
using Crm.Application.Auth.Commands.UpdateMe;
using Crm.Application.Auth.Commands.VerifyEmail;
using Crm.Application.Auth.Common;
using Crm.Application.Auth.Queries.GetCurrentUser;
using Crm.Application.Auth.Queries.ListMyEvents;
using Crm.Application.Auth.Queries.ListMySessions;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Models;
using Crm.Domain.Errors;
using Crm.Infrastructure.Identity;
using Crm.WebApi.Http;
using Crm.WebApi.OpenApi;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Crm.WebApi.Endpoints;

public static class Auth
{
    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Auth");
        group.MapPost("/register", Register).WithName("Auth_Register").WithMetadata(LimitedPerClientAddress.Instance)
            .WithSummary("Create an account and its first organization")
            .WithDescription("Limited per client address and per email address (429 rate_limited, the detail says which).")
            .ProducesProblems(ErrorCatalog.EmailTaken);
        group.MapPost("/login", Login).WithName("Auth_Login").WithMetadata(LimitedPerClientAddress.Instance).WithSummary("Sign in with email and password")
            .WithDescription("With two-factor sign-in on, the right password answers 401 two_factor_required whose problem carries a " +
                "challenge_token: complete the sign-in with POST /api/v1/auth/login/2fa.")
            .ProducesProblems(ErrorCatalog.InvalidCredentials, ErrorCatalog.TwoFactorRequired)
            .ProducesProblems(ErrorCatalog.TooManyLoginAttempts);
        group.MapPost("/login/2fa", LoginTwoFactor).WithName("Auth_LoginTwoFactor").WithMetadata(LimitedPerClientAddress.Instance)
            .WithSummary("Complete a sign-in with a two-factor code or a recovery code")
            .WithDescription("Send the challenge_token of the two_factor_required answer with either code (six digits from the " +
                "authenticator app) or recovery_code. A wrong code leaves the challenge usable until it expires (5 minutes); wrong codes " +
                "count against the sign-in throttle. A code, a recovery code and a challenge each work once.")
            .ProducesProblems(ErrorCatalog.InvalidTwoFactorCode, ErrorCatalog.InvalidChallenge, ErrorCatalog.TooManyLoginAttempts);
        group.MapPost("/2fa/setup", SetupTwoFactor).WithName("Auth_SetupTwoFactor")
            .WithSummary("Start turning two-factor sign-in on: a new authenticator secret")
            .WithDescription("Returns the secret (base32) and an otpauth:// URI for a QR code. It stays pending until confirmed with " +
                "POST /api/v1/auth/2fa/enable; asking again replaces the pending secret.")
            .ProducesProblems(ErrorCatalog.TwoFactorAlreadyEnabled)
            .RequireAuthorization();
        group.MapPost("/2fa/enable", EnableTwoFactor).WithName("Auth_EnableTwoFactor")
            .WithSummary("Confirm the pending secret with a code; two-factor sign-in is on")
            .WithDescription("Answers ten single-use recovery codes, shown only this once.")
            .ProducesProblems(ErrorCatalog.InvalidTwoFactorCode, ErrorCatalog.TwoFactorAlreadyEnabled, ErrorCatalog.TwoFactorSetupRequired)
            .RequireAuthorization();
        group.MapPost("/2fa/disable", DisableTwoFactor).WithName("Auth_DisableTwoFactor")
            .WithSummary("Turn two-factor sign-in off with the password and a code or a recovery code")
            .WithDescription("Both are checked under the sign-in throttle. The secret and the remaining recovery codes are deleted.")
            .ProducesProblems(ErrorCatalog.WrongPassword, ErrorCatalog.InvalidTwoFactorCode, ErrorCatalog.TwoFactorNotEnabled, ErrorCatalog.TooManyLoginAttempts)
            .RequireAuthorization();
        group.MapPost("/refresh", Refresh).WithName("Auth_Refresh").WithMetadata(LimitedPerClientAddress.Instance)
            .WithSummary("Trade a refresh token for a new token pair")
            .ProducesProblems(ErrorCatalog.InvalidRefreshToken, ErrorCatalog.RefreshTokenReused, ErrorCatalog.RefreshTokenExpired, ErrorCatalog.SessionRevoked);
        group.MapPost("/logout", Logout).WithName("Auth_Logout").WithSummary("End the current session")
            .RequireAuthorization();
        group.MapGet("/me", Me).WithName("Auth_Me").WithSummary("The signed-in user").RequireAuthorization();
        group.MapPatch("/me", UpdateMe).WithName("Auth_UpdateMe").WithSummary("Change my name")
            .WithDescription("Answers the user as GET /auth/me does.")
            .RequireAuthorization();
        group.MapPost("/change-password", ChangePassword).WithName("Auth_ChangePassword")
            .WithSummary("Change my password; every other session ends")
            .WithDescription("The current session goes on; an email tells the address. A wrong current password answers " +
                "400 invalid_credentials (the session is fine) and counts in the sign-in throttle of the account's email: " +
                "past it, 429 too_many_login_attempts.")
            .ProducesProblems(ErrorCatalog.WrongPassword, ErrorCatalog.TooManyLoginAttempts)
            .RequireAuthorization();
        group.MapDelete("/me", DeleteMe).WithName("Auth_DeleteMe").WithMetadata(LimitedPerClientAddress.Instance)
            .WithSummary("Delete my account, proven by my password")
            .WithDescription("Refused with 409 last_owner while I am the last owner of an organization: hand the role over first. " +
                "I leave every organization, every session ends, the API keys I created are revoked; the records I own or wrote " +
                "stay with their organizations, attributed to \"Deleted user\" (same id, no address). A wrong password answers " +
                "400 invalid_credentials and counts in the sign-in throttle of my email: past it, 429 too_many_login_attempts. " +
                "Limited per client address like sign-in.")
            .ProducesProblems(ErrorCatalog.WrongPassword, ErrorCatalog.TooManyLoginAttempts, ErrorCatalog.LastOwner)
            .RequireAuthorization();
        group.MapGet("/sessions", Sessions).WithName("Auth_Sessions")
            .WithSummary("My live sessions, newest first, the current one marked")
            .WithDescription($"At most {MyLiveSessionsSpecification.MaxItems}. last_used_at is exact at sign-in and refresh, and " +
                "otherwise up to five minutes behind.")
            .RequireAuthorization();
        group.MapDelete("/sessions/{id:guid}", EndSession).WithName("Auth_EndSession")
            .WithSummary("End one of my sessions; its access and refresh tokens stop working at once")
            .WithDescription("Ending the current session is signing out. Another user's session, or one already ended, answers 404.")
            .ProducesProblems(ErrorCatalog.SessionNotFound)
            .RequireAuthorization();
        group.MapGet("/me/events", MyEvents).WithName("Auth_Events")
            .WithSummary("My own account events (sign-ins, refreshes, sign-outs, failed sign-ins), newest first")
            .WithDescription("Pages by page number, or by the previous page's next_cursor.")
            .ProducesProblems(ErrorCatalog.InvalidCursor)
            .RequireAuthorization();
        group.MapPost("/forgot-password", ForgotPassword).WithName("Auth_ForgotPassword").WithMetadata(LimitedPerClientAddress.Instance)
            .WithSummary("Email a password reset link")
            .WithDescription("Always answers 202, whether or not the email has an account, after the same work either way: the " +
                "request is queued and the email, if any, follows. At most three links an hour go to one address; the link is " +
                "valid one hour and works once. Limited per client address and per email address (429 rate_limited).");
        group.MapPost("/reset-password", ResetPassword).WithName("Auth_ResetPassword").WithMetadata(LimitedPerClientAddress.Instance)
            .WithSummary("Choose a new password with a reset link's token; every session ends")
            .ProducesProblems(ErrorCatalog.InvalidResetToken);
        group.MapPost("/accept-invitation", AcceptInvitation).WithName("Auth_AcceptInvitation").WithMetadata(LimitedPerClientAddress.Instance)
            .WithSummary("Join an organization by an invitation link's token, and sign in")
            .WithDescription("The link proves the address. Without an account there, one is created with the name and password given; " +
                "with one, the password must be that account's (400 invalid_credentials, throttled like sign-in) and the name is ignored. " +
                "Refused when the inviter may no longer grant the role (409 invitation_stale).")
            .ProducesProblems(ErrorCatalog.InvalidInvitation, ErrorCatalog.WrongPassword)
            .ProducesProblems(ErrorCatalog.MemberExists, ErrorCatalog.InvitationStale, ErrorCatalog.EmailTaken, ErrorCatalog.ConcurrentUpdate)
            .ProducesProblems(ErrorCatalog.TooManyLoginAttempts);
        group.MapPost("/verify-email", VerifyEmail).WithName("Auth_VerifyEmail").WithMetadata(LimitedPerClientAddress.Instance)
            .WithSummary("Prove the account's email address with the emailed link's token")
            .WithDescription("The link is valid 24 hours and works once; a newer link replaces it.")
            .ProducesProblems(ErrorCatalog.InvalidVerificationToken);
        group.MapPost("/resend-verification", ResendVerification).WithName("Auth_ResendVerification")
            .WithSummary("Email a new verification link; the previous one stops working")
            .WithDescription("At most three an hour per account (429 rate_limited).")
            .ProducesProblems(ErrorCatalog.EmailAlreadyVerified)
            .RequireAuthorization();
        app.MapGet("/.well-known/jwks.json", Jwks).WithTags("Auth").WithName("Auth_Jwks")
            .WithSummary("The public keys that verify access tokens (RFC 7517 JWK set)")
            .WithDescription("Access tokens are ES256-signed JWTs naming their key in the header's kid. The first key signs; " +
                "every key listed verifies. A key appears here before it signs and stays until the tokens it signed have expired.");
    }

    private static async Task<NoContent> VerifyEmail(VerifyEmailCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(command, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Accepted> ResendVerification(IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new ResendVerificationCommand(), cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Created<AuthResult>> Register(
        RegisterCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Created("/api/v1/auth/me", await mediator.Send(command, cancellationToken));

    private static async Task<Ok<AuthResult>> Login(
        LoginCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok((await mediator.Send(command, cancellationToken)).TokensOrThrow());

    private static async Task<Ok<AuthResult>> LoginTwoFactor(
        LoginTwoFactorCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        LoginResult result;
        try
        {
            result = await mediator.Send(command, cancellationToken);
        }
        catch (ConflictException)
        {
            // A parallel completion of the same challenge (or use of the same code) committed first. Asked again,
            // the challenge is spent or the code used: 401 invalid_challenge or 400 invalid_two_factor_code.
            result = await mediator.Send(command, cancellationToken);
        }

        return TypedResults.Ok(result.TokensOrThrow());
    }

    private static async Task<Ok<TwoFactorSetupDto>> SetupTwoFactor(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new SetupTwoFactorCommand(), cancellationToken));

    private static async Task<Ok<RecoveryCodesDto>> EnableTwoFactor(
        EnableTwoFactorCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command, cancellationToken));

    private static async Task<NoContent> DisableTwoFactor(
        DisableTwoFactorCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(command, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<AuthResult>> Refresh(
        RefreshCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        RefreshResult result;
        try
        {
            result = await mediator.Send(command, cancellationToken);
        }
        catch (ConflictException)
        {
            // A parallel use of the same token committed first. Asked again, the token is now a used one: that is
            // reuse, which revokes the family (the winner's new pair included) and answers 401.
            result = await mediator.Send(command, cancellationToken);
        }

        return TypedResults.Ok(result.Tokens ?? throw new UnauthorizedException(result.Failure!));
    }

    private static async Task<NoContent> Logout(IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new LogoutCommand(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Accepted> ForgotPassword(ForgotPasswordCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(command, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<NoContent> ResetPassword(ResetPasswordCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(command, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Created<AuthResult>> AcceptInvitation(
        AcceptInvitationCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Created("/api/v1/auth/me", await mediator.Send(command, cancellationToken));

    private static Ok<JwkSet> Jwks(AccessTokenKeys keys, HttpResponse response)
    {
        // Verifiers may cache the set briefly: a new key is published well before it signs anything.
        response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Ok(keys.PublicKeys);
    }

    private static async Task<Ok<PagedList<AuditLogDto>>> MyEvents(
        IMediator mediator,
        CancellationToken ct,
        [FromQuery] int? page,
        [FromQuery(Name = "page_size")] int? pageSize,
        [FromQuery] string? cursor) =>
        TypedResults.Ok(await mediator.Send(new ListMyEventsQuery(page ?? 1, pageSize ?? Paging.DefaultPageSize, cursor), ct));

    private static async Task<Ok<CurrentUserDto>> UpdateMe(UpdateMeCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command, cancellationToken));

    private static async Task<NoContent> ChangePassword(ChangePasswordCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        (await mediator.Send(command, cancellationToken)).ThrowIfRefused();
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> DeleteMe([FromBody] DeleteMeCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(command, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<SessionList>> Sessions(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListMySessionsQuery(), cancellationToken));

    private static async Task<NoContent> EndSession(Guid id, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new EndSessionCommand(id), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<CurrentUserDto>> Me(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetCurrentUserQuery(), cancellationToken));
}
