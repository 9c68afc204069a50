using Crm.Application.Common.Batches;
using Crm.Application.Common.Models;
using Crm.Application.Contacts.Commands.CreateContact;
using Crm.Application.Contacts.Commands.DeleteContact;
using Crm.Application.Contacts.Commands.EraseContact;
using Crm.Application.Contacts.Commands.ReplaceContact;
using Crm.Application.Contacts.Commands.UpdateContact;
using Crm.Application.Contacts.Commands.UpsertContacts;
using Crm.Application.Contacts.Common;
using Crm.Application.Contacts.Queries.GetContact;
using Crm.Application.Contacts.Queries.GetContactPersonalData;
using Crm.Application.Contacts.Queries.ListContacts;
using Crm.Domain.Errors;
using Crm.Infrastructure.Concurrency;
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
            .ProducesProblems(ErrorCatalog.InvalidCursor, ErrorCatalog.CursorNotSupported)
            .ProducesProblems(ErrorCatalog.OwnerFilterForbidden);
        group.MapPost("/", Create).WithName("Contacts_Create").WithSummary("Create a contact")
            .ProducesProblems(ErrorCatalog.UserNotMember, ErrorCatalog.CompanyReferenceNotFound)
            .ProducesProblems(ErrorCatalog.OwnerAssignmentForbidden)
            .ProducesProblems(ErrorCatalog.ContactEmailTaken, ErrorCatalog.Suppressed);
        group.MapPost("/batch", Batch).WithName("Contacts_Batch")
            .WithSummary("Create or update up to 500 contacts, matched on email or external_id; each item succeeds or fails alone");
        group.MapGet("/{id:guid}", Get).WithName("Contacts_Get").WithSummary("One contact")
            .ProducesProblems(ErrorCatalog.ContactNotFound)
            .ProducesProblems(ErrorCatalog.InvalidEntityTag);
        group.MapPatch("/{id:guid}", Update).WithName("Contacts_Update").WithSummary("Change some of a contact's fields")
            .ProducesProblems(ErrorCatalog.UserNotMember, ErrorCatalog.CompanyReferenceNotFound)
            .ProducesProblems(ErrorCatalog.NotRecordOwner, ErrorCatalog.OwnerAssignmentForbidden)
            .ProducesProblems(ErrorCatalog.ContactNotFound)
            .ProducesProblems(ErrorCatalog.ContactEmailTaken, ErrorCatalog.ConcurrentUpdate, ErrorCatalog.Suppressed)
            .ProducesProblems(ErrorCatalog.InvalidEntityTag, ErrorCatalog.PreconditionFailed);
        group.MapPut("/{id:guid}", Replace).WithName("Contacts_Replace")
            .WithSummary("Replace a contact: every field takes the value sent, so optional fields left out are cleared")
            .ProducesProblems(ErrorCatalog.UserNotMember, ErrorCatalog.CompanyReferenceNotFound)
            .ProducesProblems(ErrorCatalog.NotRecordOwner, ErrorCatalog.OwnerAssignmentForbidden)
            .ProducesProblems(ErrorCatalog.ContactNotFound)
            .ProducesProblems(ErrorCatalog.ContactEmailTaken, ErrorCatalog.ConcurrentUpdate, ErrorCatalog.Suppressed)
            .ProducesProblems(ErrorCatalog.InvalidEntityTag, ErrorCatalog.PreconditionFailed);
        group.MapDelete("/{id:guid}", Delete).WithName("Contacts_Delete").WithSummary("Delete a contact that has no deals")
            .ProducesProblems(ErrorCatalog.NotRecordOwner)
            .ProducesProblems(ErrorCatalog.ContactNotFound)
            .ProducesProblems(ErrorCatalog.ContactHasDeals)
            .ProducesProblems(ErrorCatalog.InvalidEntityTag, ErrorCatalog.PreconditionFailed);
        group.MapGet("/{id:guid}/personal-data", PersonalData).WithName("Contacts_PersonalData")
            .WithSummary("Everything held about a contact, as one document: a data subject's access request (owner, admin)")
            .WithDescription("The contact with its custom fields and tags, its company, its timeline (logged activities, comments, " +
                "field changes, those of its deals included), its deals and tasks, its attachments' metadata and the audit entries " +
                $"about it. Each list holds at most {GetContactPersonalDataQuery.MaxItemsPerList} items, newest first; truncated says " +
                "when one was cut.")
            .ProducesProblems(ErrorCatalog.InsufficientRole, ErrorCatalog.ContactNotFound);
        group.MapPost("/{id:guid}/erase", Erase).WithName("Contacts_Erase")
            .WithSummary("Erase a contact's personal data at the person's request (owner, admin)")
            .WithDescription("In one transaction: the name becomes \"Erased contact\"; email, phone, external_id, tags and custom " +
                "field values are cleared; its attachments are deleted (their files right after); the subjects, bodies and " +
                "outcomes of activities linked to it alone read \"[erased]\", as do the values in the changes of its timeline " +
                "and of the audit entries about it; its webhook deliveries lose their data. The contact, its deals and tasks stay; " +
                "an audit entry erase_contact records who erased which fields. Webhooks and the change feed see contact.updated. " +
                "The email address goes on the organization's suppression list. Erasing an erased contact answers 204 again.")
            .ProducesProblems(ErrorCatalog.InsufficientRole, ErrorCatalog.ContactNotFound, ErrorCatalog.ConcurrentUpdate);
    }

    private static async Task<Ok<PagedList<ContactDto>>> List(
        IMediator mediator,
        HttpRequest request,
        CancellationToken ct,
        [FromQuery] int? page,
        [FromQuery(Name = "page_size")] int? pageSize,
        [FromQuery] string? search,
        [FromQuery(Name = "owner_id")] Guid? ownerId,
        [FromQuery(Name = "order_by")] string? orderBy,
        [FromQuery] string? order,
        [FromQuery] string? cursor,
        [FromQuery(Name = "updated_since")] DateTime? updatedSince,
        [FromQuery(Name = "external_id")] string[]? externalId,
        [FromQuery(Name = "company_id")] Guid? companyId,
        [FromQuery] string[]? tag) =>
        TypedResults.Ok(await mediator.Send(
            new ListContactsQuery(
                page ?? 1,
                pageSize ?? Paging.DefaultPageSize,
                search,
                ownerId,
                QueryValues.Enum("order_by", CustomFieldParameters.OwnOrder(orderBy), ContactOrder.CreatedAt),
                QueryValues.Enum("order", order, SortOrder.Asc),
                cursor,
                QueryValues.Utc(updatedSince),
                externalId?.Where(v => v.Length > 0).ToList(),
                companyId,
                tag?.Where(v => v.Length > 0).ToList(),
                CustomFieldParameters.Filters(request),
                CustomFieldParameters.OrderKey(orderBy)),
            ct));

    private static async Task<Created<ContactDto>> Create(CreateContactCommand command, HttpResponse response, EntityTagCipher tags, IMediator mediator, CancellationToken ct)
    {
        var contact = await mediator.Send(command, ct);
        return EntityTags.Created(response, tags, $"{Base}/{contact.Id}", contact);
    }

    /// <summary>200 whatever the items' outcomes: each item's status, id or failure code is in the answer.</summary>
    private static async Task<Ok<BatchResult>> Batch(UpsertContactsBatch batch, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(batch, ct));

    private static async Task<Results<Ok<ContactDto>, NotModified>> Get(
        Guid id,
        [FromHeader(Name = EntityTags.IfNoneMatchHeader)] string? ifNoneMatch,
        HttpResponse response,
        EntityTagCipher tags,
        IMediator mediator,
        CancellationToken ct)
    {
        var condition = EntityTags.IfNoneMatch(ifNoneMatch, tags, id);
        return EntityTags.Read(response, tags, await mediator.Send(new GetContactQuery(id), ct), condition);
    }

    private static async Task<Ok<ContactDto>> Update(
        Guid id,
        UpdateContactCommand command,
        [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch,
        HttpResponse response,
        EntityTagCipher tags,
        IMediator mediator,
        CancellationToken ct) =>
        EntityTags.Ok(response, tags, await mediator.Send(command with { Id = id, IfMatch = EntityTags.IfMatch(ifMatch, tags, id) }, ct));

    private static async Task<Ok<ContactDto>> Replace(
        Guid id,
        ReplaceContactCommand command,
        [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch,
        HttpResponse response,
        EntityTagCipher tags,
        IMediator mediator,
        CancellationToken ct) =>
        EntityTags.Ok(response, tags, await mediator.Send(command with { Id = id, IfMatch = EntityTags.IfMatch(ifMatch, tags, id) }, ct));

    private static async Task<Ok<ContactPersonalDataDto>> PersonalData(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetContactPersonalDataQuery(id), ct));

    private static async Task<NoContent> Erase(Guid id, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new EraseContactCommand(id), ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> Delete(
        Guid id, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, EntityTagCipher tags, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DeleteContactCommand(id, EntityTags.IfMatch(ifMatch, tags, id)), ct);
        return TypedResults.NoContent();
    }
}
