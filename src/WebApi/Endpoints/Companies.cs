using Crm.Application.Common.Models;
using Crm.Application.Companies.Commands.CreateCompany;
using Crm.Application.Companies.Commands.DeleteCompany;
using Crm.Application.Companies.Commands.UpdateCompany;
using Crm.Application.Companies.Common;
using Crm.Application.Companies.Queries.GetCompany;
using Crm.Application.Companies.Queries.ListCompanies;
using Crm.Domain.Errors;
using Crm.Infrastructure.Concurrency;
using Crm.WebApi.Http;
using Crm.WebApi.OpenApi;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Crm.WebApi.Endpoints;

public static class Companies
{
    private const string Base = "/api/v1/companies";

    public static void MapCompanyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Base).WithTags("Companies").RequireAuthorization().RequireOrganizationHeader();
        group.MapGet("/", List).WithName("Companies_List").WithSummary("The organization's companies, filtered, sorted and paged")
            .ProducesProblems(ErrorCatalog.InvalidCursor, ErrorCatalog.CursorNotSupported)
            .ProducesProblems(ErrorCatalog.OwnerFilterForbidden);
        group.MapPost("/", Create).WithName("Companies_Create").WithSummary("Create a company")
            .ProducesProblems(ErrorCatalog.UserNotMember, ErrorCatalog.InvalidCompanyDomain)
            .ProducesProblems(ErrorCatalog.OwnerAssignmentForbidden)
            .ProducesProblems(ErrorCatalog.CompanyDomainTaken);
        group.MapGet("/{id:guid}", Get).WithName("Companies_Get")
            .WithSummary("One company, with its number of contacts and open deals and its won amounts per currency")
            .ProducesProblems(ErrorCatalog.CompanyNotFound);
        group.MapPatch("/{id:guid}", Update).WithName("Companies_Update").WithSummary("Change some of a company's fields")
            .ProducesProblems(ErrorCatalog.UserNotMember, ErrorCatalog.InvalidCompanyDomain)
            .ProducesProblems(ErrorCatalog.NotRecordOwner, ErrorCatalog.OwnerAssignmentForbidden)
            .ProducesProblems(ErrorCatalog.CompanyNotFound)
            .ProducesProblems(ErrorCatalog.CompanyDomainTaken, ErrorCatalog.ConcurrentUpdate)
            .ProducesProblems(ErrorCatalog.InvalidEntityTag, ErrorCatalog.PreconditionFailed);
        group.MapDelete("/{id:guid}", Delete).WithName("Companies_Delete")
            .WithSummary("Delete a company; with detach=true its contacts and deals stay, without a company")
            .ProducesProblems(ErrorCatalog.NotRecordOwner)
            .ProducesProblems(ErrorCatalog.CompanyNotFound)
            .ProducesProblems(ErrorCatalog.CompanyHasRecords, ErrorCatalog.ConcurrentUpdate)
            .ProducesProblems(ErrorCatalog.InvalidEntityTag, ErrorCatalog.PreconditionFailed);
    }

    private static async Task<Ok<PagedList<CompanyDto>>> List(
        IMediator mediator,
        HttpRequest request,
        CancellationToken ct,
        [FromQuery] int? page,
        [FromQuery(Name = "page_size")] int? pageSize,
        [FromQuery] string? search,
        [FromQuery(Name = "owner_id")] Guid? ownerId,
        [FromQuery] string[]? domain,
        [FromQuery(Name = "order_by")] string? orderBy,
        [FromQuery] string? order,
        [FromQuery] string? cursor,
        [FromQuery(Name = "updated_since")] DateTime? updatedSince,
        [FromQuery] string[]? tag) =>
        TypedResults.Ok(await mediator.Send(
            new ListCompaniesQuery(
                page ?? 1,
                pageSize ?? Paging.DefaultPageSize,
                search,
                ownerId,
                domain?.Where(v => v.Length > 0).ToList(),
                QueryValues.Enum("order_by", CustomFieldParameters.OwnOrder(orderBy), CompanyOrder.CreatedAt),
                QueryValues.Enum("order", order, SortOrder.Asc),
                cursor,
                QueryValues.Utc(updatedSince),
                tag?.Where(v => v.Length > 0).ToList(),
                CustomFieldParameters.Filters(request),
                CustomFieldParameters.OrderKey(orderBy)),
            ct));

    private static async Task<Created<CompanyDto>> Create(
        CreateCompanyCommand command, HttpResponse response, EntityTagCipher tags, IMediator mediator, CancellationToken ct)
    {
        var company = await mediator.Send(command, ct);
        return EntityTags.Created(response, tags, $"{Base}/{company.Id}", company);
    }

    /// <summary>
    /// Always 200 with the ETag of the company's own fields (for If-Match): the counts change without the company
    /// changing, so If-None-Match is not answered with 304 here.
    /// </summary>
    private static async Task<Ok<CompanyDetailsDto>> Get(
        Guid id, HttpResponse response, EntityTagCipher tags, IMediator mediator, CancellationToken ct) =>
        EntityTags.Ok(response, tags, await mediator.Send(new GetCompanyQuery(id), ct));

    private static async Task<Ok<CompanyDto>> Update(
        Guid id,
        UpdateCompanyCommand command,
        [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch,
        HttpResponse response,
        EntityTagCipher tags,
        IMediator mediator,
        CancellationToken ct) =>
        EntityTags.Ok(response, tags, await mediator.Send(command with { Id = id, IfMatch = EntityTags.IfMatch(ifMatch, tags, id) }, ct));

    private static async Task<NoContent> Delete(
        Guid id,
        [FromQuery] bool? detach,
        [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch,
        EntityTagCipher tags,
        IMediator mediator,
        CancellationToken ct)
    {
        await mediator.Send(new DeleteCompanyCommand(id, detach ?? false, EntityTags.IfMatch(ifMatch, tags, id)), ct);
        return TypedResults.NoContent();
    }
}
