using Crm.Application.CustomFields.Commands.CreateCustomField;
using Crm.Application.CustomFields.Commands.DeleteCustomField;
using Crm.Application.CustomFields.Commands.UpdateCustomField;
using Crm.Application.CustomFields.Common;
using Crm.Application.CustomFields.Queries.ListCustomFields;
using Crm.Domain.CustomFields;
using Crm.Domain.Errors;
using Crm.WebApi.Http;
using Crm.WebApi.OpenApi;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Crm.WebApi.Endpoints;

public static class CustomFields
{
    private const string Base = "/api/v1/custom-fields";

    public static void MapCustomFieldEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Base).WithTags("Custom fields").RequireAuthorization().RequireOrganizationHeader();
        group.MapGet("/", List).WithName("CustomFields_List")
            .WithSummary("The organization's custom fields, by record type then position (every member reads them): the keys of records' custom_fields")
            .WithDescription("Values in a record's custom_fields are typed by their field: text, long_text, url, email, select and user (a member's id) are strings, " +
                "date a YYYY-MM-DD string, number a number, currency a number with at most 2 decimals in the field's currency, boolean true or false, " +
                "multi_select an array of options.");
        group.MapPost("/", Create).WithName("CustomFields_Create")
            .WithSummary("Add a custom field to the organization's contacts, companies or deals (owner, admin)")
            .WithDescription($"key is snake_case and unique per record type; at most {CustomFieldDefinition.MaxPerRecordType} fields per record type.")
            .ProducesProblems(ErrorCatalog.InsufficientRole, ErrorCatalog.ApiKeyReadOnly)
            .ProducesProblems(ErrorCatalog.CustomFieldKeyTaken, ErrorCatalog.CustomFieldLimitReached);
        group.MapPatch("/{id:guid}", Update).WithName("CustomFields_Update")
            .WithSummary("Change a custom field's label, type, options, currency, requirement or position (owner, admin)")
            .WithDescription("The key and record type never change. A new type or new options must accept every value records hold " +
                "(otherwise 409 custom_field_type_change_refused); a new label keeps the values.")
            .ProducesProblems(ErrorCatalog.InsufficientRole, ErrorCatalog.ApiKeyReadOnly)
            .ProducesProblems(ErrorCatalog.CustomFieldNotFound, ErrorCatalog.CustomFieldTypeChangeRefused, ErrorCatalog.ConcurrentUpdate);
        group.MapDelete("/{id:guid}", Delete).WithName("CustomFields_Delete")
            .WithSummary("Delete a custom field and its values on every record of its type (owner, admin)")
            .ProducesProblems(ErrorCatalog.InsufficientRole, ErrorCatalog.ApiKeyReadOnly)
            .ProducesProblems(ErrorCatalog.CustomFieldNotFound, ErrorCatalog.ConcurrentUpdate);
    }

    private static async Task<Ok<CustomFieldList>> List(
        IMediator mediator, CancellationToken ct, [FromQuery(Name = "record_type")] string? recordType) =>
        TypedResults.Ok(await mediator.Send(new ListCustomFieldsQuery(QueryValues.Enum<CustomFieldRecordType>("record_type", recordType)), ct));

    private static async Task<Created<CustomFieldDto>> Create(CreateCustomFieldCommand command, IMediator mediator, CancellationToken ct)
    {
        var field = await mediator.Send(command, ct);
        return TypedResults.Created($"{Base}/{field.Id}", field);
    }

    private static async Task<Ok<CustomFieldDto>> Update(Guid id, UpdateCustomFieldCommand command, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(command with { Id = id }, ct));

    private static async Task<NoContent> Delete(Guid id, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DeleteCustomFieldCommand(id), ct);
        return TypedResults.NoContent();
    }
}
