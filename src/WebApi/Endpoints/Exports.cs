using Crm.Application.Common.Models;
using Crm.Application.Exports.Commands.CreateExport;
using Crm.Application.Exports.Common;
using Crm.Application.Exports.Queries.DownloadExport;
using Crm.Application.Exports.Queries.GetExport;
using Crm.Application.Exports.Queries.ListExports;
using Crm.Domain.Errors;
using Crm.Infrastructure.Storage;
using Crm.WebApi.Http;
using Crm.WebApi.OpenApi;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Crm.WebApi.Endpoints;

public static class Exports
{
    private const string Base = "/api/v1/exports";

    public static void MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Base).WithTags("Exports").RequireAuthorization().RequireOrganizationHeader();
        group.MapPost("/", Create).WithName("Exports_Create")
            .WithSummary("Export contacts, companies, deals, tasks or activities to CSV, JSON or XLSX in the background (every member may)")
            .WithDescription("Answers 202 with the job; follow its status with GET /api/v1/exports/{id}, then download the file " +
                "(kept 24 hours). filters takes exactly the list endpoint's query parameters (for activities, the feed's: " +
                "actor_id, type, record_type, since, mentions), as an object " +
                "({\"status\": [\"won\", \"lost\"], \"min_amount\": 1000}), and selects exactly the records that list would show the " +
                "requester; the rows are in creation order. Columns are the API's fields in snake_case (address.city for nested " +
                "ones), each reference followed by the record's name (owner_email, author_email, contact_name, company_name, deal_title). CSV is " +
                "RFC 4180 in UTF-8 with a byte order mark, with formula-like cells escaped. At most 3 exports of an organization " +
                "are queued or running at once. The requester gets an email when the file is ready.")
            .ProducesProblems(ErrorCatalog.ApiKeyReadOnly, ErrorCatalog.InvalidCursor)
            .ProducesProblems(ErrorCatalog.ExportLimitReached);
        group.MapGet("/", List).WithName("Exports_List")
            .WithSummary("Your exports, newest first (owners and admins see everyone's), by page or cursor; kept 30 days")
            .ProducesProblems(ErrorCatalog.InvalidCursor);
        group.MapGet("/{id:guid}", Get).WithName("Exports_Get")
            .WithSummary("One export: its status, progress and, once written, its download_url until expires_at")
            .ProducesProblems(ErrorCatalog.ExportNotFound);
        group.MapGet("/{id:guid}/download", Download).WithName("Exports_Download")
            .WithSummary("The export's file: streamed, or a redirect to a short-lived link when files are kept in S3")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv", additionalContentTypes: ["application/json", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"])
            .Produces(StatusCodes.Status302Found)
            .ProducesProblems(ErrorCatalog.ExportNotFound, ErrorCatalog.ExportNotReady, ErrorCatalog.ExportExpired);
    }

    private static async Task<Accepted<ExportJobDto>> Create(CreateExportRequest request, IMediator mediator, CancellationToken ct)
    {
        var listQuery = ExportFilterBinder.Bind(request.RecordType, request.Filters);
        var filters = request.Filters is { ValueKind: System.Text.Json.JsonValueKind.Object } json ? json.GetRawText() : "{}";
        var job = await mediator.Send(new CreateExportCommand(request.RecordType, request.Format, filters, listQuery), ct);
        return TypedResults.Accepted($"{Base}/{job.Id}", job);
    }

    private static async Task<Ok<PagedList<ExportJobDto>>> List(
        IMediator mediator,
        CancellationToken ct,
        [FromQuery] int? page,
        [FromQuery(Name = "page_size")] int? pageSize,
        [FromQuery] string? cursor) =>
        TypedResults.Ok(await mediator.Send(new ListExportsQuery(page ?? 1, pageSize ?? Paging.DefaultPageSize, cursor), ct));

    private static async Task<Ok<ExportJobDto>> Get(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetExportQuery(id), ct));

    private static async Task<Results<RedirectHttpResult, FileStreamHttpResult>> Download(Guid id, HttpContext context, IMediator mediator, CancellationToken ct)
    {
        var download = await mediator.Send(new DownloadExportQuery(id), ct);
        if (download.Content.Link is { } link)
        {
            return TypedResults.Redirect(link.ToString());
        }

        context.Response.Headers.ContentDisposition = DownloadName.ContentDisposition(download.FileName);
        return TypedResults.Stream(download.Content.Stream!, download.ContentType, enableRangeProcessing: true);
    }
}
