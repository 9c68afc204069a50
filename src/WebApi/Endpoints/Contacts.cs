using Crm.Application.Common.Models;
using Crm.Application.Contacts.Commands.CreateContact;
using Crm.Application.Contacts.Commands.DeleteContact;
using Crm.Application.Contacts.Commands.UpdateContact;
using Crm.Application.Contacts.Common;
using Crm.Application.Contacts.Queries.GetContact;
using Crm.Application.Contacts.Queries.ListContacts;
using Crm.WebApi.Http;
using Crm.WebApi.OpenApi;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Crm.WebApi.Endpoints;

public static class Contacts
{
    private const string Base = "/api/v1/contacts";

    public static void MapContactEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Base).WithTags("Contacts").RequireAuthorization().RequireOrganizationHeader();
        group.MapGet("/", List).WithName("Contacts_List").WithSummary("The organization's contacts, filtered, sorted and paged")
            .ProducesProblems(400, "invalid_cursor", "cursor_not_supported")
            .ProducesProblems(403, "owner_filter_forbidden");
        group.MapPost("/", Create).WithName("Contacts_Create").WithSummary("Create a contact")
            .ProducesProblems(400, "user_not_member")
            .ProducesProblems(403, "owner_assignment_forbidden")
            .ProducesProblems(409, "contact_email_taken");
        group.MapGet("/{id:guid}", Get).WithName("Contacts_Get").WithSummary("One contact")
            .ProducesProblems(404, "contact_not_found");
        group.MapPatch("/{id:guid}", Update).WithName("Contacts_Update").WithSummary("Change some of a contact's fields")
            .ProducesProblems(400, "user_not_member")
            .ProducesProblems(403, "not_record_owner", "owner_assignment_forbidden")
            .ProducesProblems(404, "contact_not_found")
            .ProducesProblems(409, "contact_email_taken", "concurrent_update");
        group.MapDelete("/{id:guid}", Delete).WithName("Contacts_Delete").WithSummary("Delete a contact that has no deals")
            .ProducesProblems(403, "not_record_owner")
            .ProducesProblems(404, "contact_not_found")
            .ProducesProblems(409, "contact_has_deals");
    }

    private static async Task<Ok<PagedList<ContactDto>>> List(
        IMediator mediator,
        CancellationToken ct,
        [FromQuery] int? page,
        [FromQuery(Name = "page_size")] int? pageSize,
        [FromQuery] string? search,
        [FromQuery(Name = "owner_id")] Guid? ownerId,
        [FromQuery(Name = "order_by")] string? orderBy,
        [FromQuery] string? order,
        [FromQuery] string? cursor) =>
        TypedResults.Ok(await mediator.Send(
            new ListContactsQuery(
                page ?? 1,
                pageSize ?? Paging.DefaultPageSize,
                search,
                ownerId,
                QueryValues.Enum("order_by", orderBy, ContactOrder.CreatedAt),
                QueryValues.Enum("order", order, SortOrder.Asc),
                cursor),
            ct));

    private static async Task<Created<ContactDto>> Create(CreateContactCommand command, IMediator mediator, CancellationToken ct)
    {
        var contact = await mediator.Send(command, ct);
        return TypedResults.Created($"{Base}/{contact.Id}", contact);
    }

    private static async Task<Ok<ContactDto>> Get(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetContactQuery(id), ct));

    private static async Task<Ok<ContactDto>> Update(Guid id, UpdateContactCommand command, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(command with { Id = id }, ct));

    private static async Task<NoContent> Delete(Guid id, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DeleteContactCommand(id), ct);
        return TypedResults.NoContent();
    }
}
