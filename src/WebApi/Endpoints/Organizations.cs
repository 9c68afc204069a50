using System.ComponentModel.DataAnnotations;
using Crm.Application.Common.Models;
using Crm.Application.Invitations.Common;
using Crm.Application.Organizations.Commands.AddMember;
using Crm.Application.Organizations.Commands.ChangeMemberRole;
using Crm.Application.Organizations.Commands.CreateOrganization;
using Crm.Application.Organizations.Commands.RemoveMember;
using Crm.Application.Organizations.Commands.RevokeInvitation;
using Crm.Application.Organizations.Commands.UpdateOrganization;
using Crm.Application.Organizations.Common;
using Crm.Application.Organizations.Queries.GetOrganization;
using Crm.Application.Organizations.Queries.ListInvitations;
using Crm.Application.Organizations.Queries.ListMembers;
using Crm.Application.Organizations.Queries.ListMyOrganizations;
using Crm.Domain.Errors;
using Crm.Domain.Organizations;
using Crm.WebApi.Http;
using Crm.WebApi.OpenApi;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Crm.WebApi.Endpoints;

public static class Organizations
{
    private const string Base = "/api/v1/organizations";

    public static void MapOrganizationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Base).WithTags("Organizations").RequireAuthorization();
        group.MapGet("/me", ListMine).WithName("Organizations_ListMine")
            .WithSummary("The organizations the caller belongs to, with its role in each");
        group.MapPost("/", Create).WithName("Organizations_Create")
            .WithSummary("Create an organization owned by the caller");

        var one = group.MapGroup("/{id:guid}").RequireOrganizationRoute("id");
        one.MapGet("/", Get).WithName("Organizations_Get").WithSummary("An organization the caller belongs to")
            .WithDescription("Open to members without two-factor sign-in even when the organization requires it, so they can see why they are refused.")
            .WithMetadata(TwoFactorExemption.Always);
        one.MapPatch("/", Update).WithName("Organizations_Update")
            .WithSummary("Change an organization's name, default currency or two-factor requirement (owner, admin)")
            .WithDescription("require_two_factor: true refuses members without two-factor sign-in (403 two_factor_required_by_organization) " +
                "on the organization's requests until they turn it on; only an administrator who has it on may turn it on. " +
                "stage_probabilities ({\"qualification\": 10, \"proposal\": 30, \"negotiation\": 60} by default) replaces the " +
                "probabilities of the open stages named, whole percents from 0 to 100, which weight the deal forecast.")
            .ProducesProblems(ErrorCatalog.InvalidCurrency, ErrorCatalog.InvalidStageProbability)
            .ProducesProblems(ErrorCatalog.TwoFactorNeededToRequire)
            .ProducesProblems(ErrorCatalog.InsufficientRole)
            .ProducesProblems(ErrorCatalog.ConcurrentUpdate);
        one.MapGet("/members", ListMembers).WithName("Members_List").WithSummary("The organization's members");
        one.MapPost("/members", AddMember).WithName("Members_Add")
            .WithSummary("Invite an email address to join with a role (owner, admin)")
            .WithDescription("Always answers 202 with the invitation, and sends the same email, whether or not the address has an account: " +
                "nobody joins without accepting (GET /api/v1/invitations, or the emailed link, valid 7 days). " +
                "Inviting an address again replaces its pending invitation: the old link stops working. An address that is already a member answers 409.")
            .ProducesProblems(ErrorCatalog.InsufficientRole, ErrorCatalog.OwnerRoleRequired)
            .ProducesProblems(ErrorCatalog.MemberExists, ErrorCatalog.ConcurrentUpdate);
        one.MapGet("/invitations", ListInvitations).WithName("Invitations_ListOfOrganization")
            .WithSummary("The organization's pending invitations, newest first (owner, admin)")
            .ProducesProblems(ErrorCatalog.InsufficientRole);
        one.MapDelete("/invitations/{invitation_id:guid}", RevokeInvitation).WithName("Invitations_Revoke")
            .WithSummary("Revoke a pending invitation; its link stops working (owner, admin; an owner invitation only by an owner)")
            .ProducesProblems(ErrorCatalog.InsufficientRole, ErrorCatalog.OwnerRoleRequired)
            .ProducesProblems(ErrorCatalog.InvitationNotFound, ErrorCatalog.ConcurrentUpdate);
        one.MapPatch("/members/{user_id:guid}", ChangeRole).WithName("Members_ChangeRole")
            .WithSummary("Change a member's role (owner, admin; the owner role only by an owner)")
            .ProducesProblems(ErrorCatalog.InsufficientRole, ErrorCatalog.OwnerRoleRequired)
            .ProducesProblems(ErrorCatalog.MemberNotFound)
            .ProducesProblems(ErrorCatalog.LastOwner, ErrorCatalog.ConcurrentUpdate);
        one.MapDelete("/members/{user_id:guid}", Remove).WithName("Members_Remove")
            .WithSummary("Remove a member, or leave the organization")
            .WithDescription("Leaving (your own user_id) stays open when the organization requires two-factor sign-in you do not have.")
            .WithMetadata(TwoFactorExemption.ForSelf("user_id"))
            .ProducesProblems(ErrorCatalog.InsufficientRole, ErrorCatalog.OwnerRoleRequired)
            .ProducesProblems(ErrorCatalog.MemberNotFound)
            .ProducesProblems(ErrorCatalog.LastOwner, ErrorCatalog.ConcurrentUpdate);
    }

    private static async Task<Ok<ItemsResponse<OrganizationDto>>> ListMine(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(new ItemsResponse<OrganizationDto>(await mediator.Send(new ListMyOrganizationsQuery(), ct)));

    private static async Task<Created<OrganizationDto>> Create(
        CreateOrganizationCommand command, IMediator mediator, CancellationToken ct)
    {
        var organization = await mediator.Send(command, ct);
        return TypedResults.Created($"{Base}/{organization.Id}", organization);
    }

    // Handlers of /{id} bind the id so that the document declares it; RequestContextMiddleware resolves it.
    private static async Task<Ok<OrganizationDto>> Get(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetOrganizationQuery(), ct));

    private static async Task<Ok<OrganizationDto>> Update(
        Guid id, UpdateOrganizationCommand command, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(command, ct));

    private static async Task<Ok<PagedList<MemberDto>>> ListMembers(
        Guid id,
        IMediator mediator,
        CancellationToken ct,
        [FromQuery] int? page,
        [FromQuery(Name = "page_size")] int? pageSize) =>
        TypedResults.Ok(await mediator.Send(
            new ListMembersQuery(page ?? 1, pageSize ?? Paging.DefaultPageSize), ct));

    private static async Task<Accepted<AddMemberResult>> AddMember(
        Guid id, AddMemberCommand command, IMediator mediator, CancellationToken ct) =>
        TypedResults.Accepted((string?)null, await mediator.Send(command, ct));

    private static async Task<Ok<PagedList<InvitationDto>>> ListInvitations(
        Guid id,
        IMediator mediator,
        CancellationToken ct,
        [FromQuery] int? page,
        [FromQuery(Name = "page_size")] int? pageSize) =>
        TypedResults.Ok(await mediator.Send(
            new ListInvitationsQuery(page ?? 1, pageSize ?? Paging.DefaultPageSize), ct));

    private static async Task<NoContent> RevokeInvitation(
        Guid id,
        [FromRoute(Name = "invitation_id")] Guid invitationId, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new RevokeInvitationCommand(invitationId), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<MemberDto>> ChangeRole(
        Guid id,
        [FromRoute(Name = "user_id")] Guid userId, ChangeRoleRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ChangeMemberRoleCommand(userId, request.Role), ct));

    private static async Task<NoContent> Remove(
        Guid id,
        [FromRoute(Name = "user_id")] Guid userId, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new RemoveMemberCommand(userId), ct);
        return TypedResults.NoContent();
    }

    public sealed record ChangeRoleRequest([property: Required] MemberRole? Role);
}

/// <summary>A collection answered whole, as <c>{ "items": [...] }</c>.</summary>
public sealed record ItemsResponse<T>(IReadOnlyList<T> Items);
