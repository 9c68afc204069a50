using Crm.Application.Auth.Common;
using Crm.Application.Invitations.Commands.AcceptMyInvitation;
using Crm.Application.Invitations.Commands.DeclineMyInvitation;
using Crm.Application.Invitations.Common;
using Crm.Application.Invitations.Queries.ListMyInvitations;
using Crm.Domain.Errors;
using Crm.WebApi.OpenApi;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Crm.WebApi.Endpoints;

/// <summary>The signed-in user's own invitations: what it has been invited to, and its answer.</summary>
public static class Invitations
{
    public static void MapInvitationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/invitations").WithTags("Invitations").RequireAuthorization();
        group.MapGet("/", ListMine).WithName("Invitations_ListMine")
            .WithSummary("My pending invitations, newest first (at most 100)")
            .WithDescription("Invitations of the signed-in account's address, which must be verified: an unverified account answers 403 email_not_verified.")
            .ProducesProblems(ErrorCatalog.EmailNotVerified);
        group.MapPost("/{id:guid}/accept", Accept).WithName("Invitations_Accept")
            .WithSummary("Accept one of my invitations and join the organization")
            .WithDescription("Needs a verified address equal to the invited one; anyone else's, expired or answered invitation is 404.")
            .ProducesProblems(ErrorCatalog.EmailNotVerified, ErrorCatalog.InvitationNotFound)
            .ProducesProblems(ErrorCatalog.MemberExists, ErrorCatalog.InvitationStale, ErrorCatalog.ConcurrentUpdate);
        group.MapPost("/{id:guid}/decline", Decline).WithName("Invitations_Decline")
            .WithSummary("Decline one of my invitations; its link stops working")
            .ProducesProblems(ErrorCatalog.EmailNotVerified, ErrorCatalog.InvitationNotFound)
            .ProducesProblems(ErrorCatalog.ConcurrentUpdate);
    }

    private static async Task<Ok<ItemsResponse<MyInvitationDto>>> ListMine(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(new ItemsResponse<MyInvitationDto>(await mediator.Send(new ListMyInvitationsQuery(), ct)));

    private static async Task<Created<OrganizationMembershipDto>> Accept(
        [FromRoute] Guid id, IMediator mediator, CancellationToken ct)
    {
        var membership = await mediator.Send(new AcceptMyInvitationCommand(id), ct);
        return TypedResults.Created($"/api/v1/organizations/{membership.Id}", membership);
    }

    private static async Task<NoContent> Decline([FromRoute] Guid id, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DeclineMyInvitationCommand(id), ct);
        return TypedResults.NoContent();
    }
}
