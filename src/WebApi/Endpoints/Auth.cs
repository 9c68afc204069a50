using Crm.Application.Auth.Commands.AcceptInvitation;
using Crm.Application.Auth.Commands.ForgotPassword;
using Crm.Application.Auth.Commands.Login;
using Crm.Application.Auth.Commands.Logout;
using Crm.Application.Auth.Commands.Refresh;
using Crm.Application.Auth.Commands.Register;
using Crm.Application.Auth.Commands.ResetPassword;
using Crm.Application.Auth.Common;
using Crm.Application.Auth.Queries.GetCurrentUser;
using Crm.Application.Common.Exceptions;
using Crm.Domain.Errors;
using Crm.WebApi.Http;
using Crm.WebApi.OpenApi;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Crm.WebApi.Endpoints;

public static class Auth
{
    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Auth");
        group.MapPost("/register", Register).WithName("Auth_Register").WithMetadata(LimitedPerClientAddress.Instance)
            .WithSummary("Create an account and its first organization")
            .ProducesProblems(ErrorCatalog.EmailTaken);
        group.MapPost("/login", Login).WithName("Auth_Login").WithMetadata(LimitedPerClientAddress.Instance).WithSummary("Sign in with email and password")
            .ProducesProblems(ErrorCatalog.InvalidCredentials)
            .ProducesProblems(ErrorCatalog.TooManyLoginAttempts);
        group.MapPost("/refresh", Refresh).WithName("Auth_Refresh").WithMetadata(LimitedPerClientAddress.Instance)
            .WithSummary("Trade a refresh token for a new token pair")
            .ProducesProblems(ErrorCatalog.InvalidRefreshToken, ErrorCatalog.RefreshTokenReused, ErrorCatalog.RefreshTokenExpired, ErrorCatalog.SessionRevoked);
        group.MapPost("/logout", Logout).WithName("Auth_Logout").WithSummary("End the current session")
            .RequireAuthorization();
        group.MapGet("/me", Me).WithName("Auth_Me").WithSummary("The signed-in user").RequireAuthorization();
        group.MapPost("/forgot-password", ForgotPassword).WithName("Auth_ForgotPassword").WithMetadata(LimitedPerClientAddress.Instance)
            .WithSummary("Email a password reset link")
            .WithDescription("Always answers 202, whether or not the email has an account. The link is valid one hour and works once.");
        group.MapPost("/reset-password", ResetPassword).WithName("Auth_ResetPassword").WithMetadata(LimitedPerClientAddress.Instance)
            .WithSummary("Choose a new password with a reset link's token; every session ends")
            .ProducesProblems(ErrorCatalog.InvalidResetToken);
        group.MapPost("/accept-invitation", AcceptInvitation).WithName("Auth_AcceptInvitation").WithMetadata(LimitedPerClientAddress.Instance)
            .WithSummary("Create the invited account and membership, and sign in")
            .ProducesProblems(ErrorCatalog.InvalidInvitation)
            .ProducesProblems(ErrorCatalog.EmailTaken);
    }

    private static async Task<Created<AuthResult>> Register(
        RegisterCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Created("/api/v1/auth/me", await mediator.Send(command, cancellationToken));

    private static async Task<Ok<AuthResult>> Login(
        LoginCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok((await mediator.Send(command, cancellationToken)).TokensOrThrow());

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

    private static async Task<Ok<CurrentUserDto>> Me(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetCurrentUserQuery(), cancellationToken));
}
