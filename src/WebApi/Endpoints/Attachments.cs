using Crm.Application.Attachments.Commands.DeleteAttachment;
using Crm.Application.Attachments.Commands.UploadAttachment;
using Crm.Application.Attachments.Common;
using Crm.Application.Attachments.Queries.GetAttachment;
using Crm.Application.Attachments.Queries.ListAttachments;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Models;
using Crm.Domain.Errors;
using Crm.Infrastructure.Storage;
using Crm.WebApi.Http;
using Crm.WebApi.OpenApi;
using FluentValidation.Results;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Crm.WebApi.Endpoints;

public static class Attachments
{
    public static void MapAttachmentEndpoints(this IEndpointRouteBuilder app)
    {
        var maxSize = app.ServiceProvider.GetRequiredService<IOptions<FilesOptions>>().Value.MaxSize;
        foreach (var (parent, path, tag) in new[] { (AttachmentParent.Contact, "contacts", "Contacts"), (AttachmentParent.Deal, "deals", "Deals") })
        {
            var group = app.MapGroup($"/api/v1/{path}/{{id:guid}}/attachments").WithTags("Attachments")
                .RequireAuthorization().RequireOrganizationHeader();
            group.MapPost("/", (Guid id, IFormFile? file, IMediator mediator, CancellationToken ct) => Upload(parent, id, file, mediator, ct))
                .WithName($"{tag}_UploadAttachment")
                .WithSummary($"Attach a file to a {parent.ToString().ToLowerInvariant()} (multipart field \"file\")")
                .WithDescription("PDF, PNG, JPEG, GIF, WebP, Word, Excel, PowerPoint, text or CSV, recognised by content; at most the configured size (25 MB by default), and within the organization's storage quota (storage_used_bytes and storage_quota_bytes of the organization).")
                .DisableAntiforgery()
                .Accepts<IFormFile>("multipart/form-data")
                .WithMetadata(new RequestSizeLimitAttribute(maxSize + (1024 * 1024)))
                .WithFormOptions(multipartBodyLengthLimit: maxSize + (1024 * 1024))
                .ProducesProblems(ErrorCatalog.NotRecordOwner)
                .ProducesProblems(parent == AttachmentParent.Contact ? ErrorCatalog.ContactNotFound : ErrorCatalog.DealNotFound)
                .ProducesProblems(ErrorCatalog.FileTooLarge, ErrorCatalog.PayloadTooLarge)
                .ProducesProblems(ErrorCatalog.StorageQuotaExceeded)
                .ProducesProblems(ErrorCatalog.UnsupportedFileType, ErrorCatalog.ContentTypeMismatch);
            group.MapGet("/", (Guid id, IMediator mediator, CancellationToken ct, [FromQuery] int? page, [FromQuery(Name = "page_size")] int? pageSize) =>
                    List(parent, id, page, pageSize, mediator, ct))
                .WithName($"{tag}_ListAttachments")
                .WithSummary($"The files of a {parent.ToString().ToLowerInvariant()}, newest first")
                .ProducesProblems(parent == AttachmentParent.Contact ? ErrorCatalog.ContactNotFound : ErrorCatalog.DealNotFound);
        }

        var attachments = app.MapGroup("/api/v1/attachments/{id:guid}").WithTags("Attachments").RequireAuthorization().RequireOrganizationHeader();
        attachments.MapGet("/", Get).WithName("Attachments_Get").WithSummary("A file's details").ProducesProblems(ErrorCatalog.AttachmentNotFound);
        attachments.MapGet("/content", Content).WithName("Attachments_Content")
            .WithSummary("A file's content: a redirect to a short-lived link (S3) or the content itself, with range support")
            .ProducesProblems(ErrorCatalog.AttachmentNotFound, ErrorCatalog.RangeNotSatisfiable);
        attachments.MapDelete("/", Delete).WithName("Attachments_Delete").WithSummary("Remove a file")
            .ProducesProblems(ErrorCatalog.NotRecordOwner, ErrorCatalog.NotDealOwner)
            .ProducesProblems(ErrorCatalog.AttachmentNotFound);
    }

    private static async Task<Created<AttachmentDto>> Upload(AttachmentParent parent, Guid id, IFormFile? file, IMediator mediator, CancellationToken ct)
    {
        if (file is null)
        {
            throw new ValidationException([new ValidationFailure("file", "must be a file sent as multipart/form-data field \"file\"")]);
        }

        await using var content = file.OpenReadStream();
        var attachment = await mediator.Send(new UploadAttachmentCommand(parent, id, file.FileName, file.ContentType, file.Length, content), ct);
        return TypedResults.Created($"/api/v1/attachments/{attachment.Id}", attachment);
    }

    private static async Task<Ok<PagedList<AttachmentDto>>> List(
        AttachmentParent parent, Guid id, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListAttachmentsQuery(parent, id, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct));

    private static async Task<Ok<AttachmentDto>> Get(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetAttachmentQuery(id), ct));

    private static async Task<Results<RedirectHttpResult, FileStreamHttpResult, ProblemHttpResult>> Content(
        Guid id, HttpContext context, IMediator mediator, CancellationToken ct)
    {
        var download = await mediator.Send(new DownloadAttachmentQuery(id), ct);
        if (download.Content.Link is { } link)
        {
            return TypedResults.Redirect(link.ToString());
        }

        var size = download.Attachment.Size;
        if (ByteRanges.Unsatisfiable(context.Request, size))
        {
            // The framework would answer an empty 416 typed as the file: a problem says it in the API's terms.
            await download.Content.Stream!.DisposeAsync();
            context.Response.Headers.ContentRange = $"bytes */{size}";
            return TypedResults.Problem(Problems.Create(ErrorCatalog.RangeNotSatisfiable, $"The file has {size} bytes."));
        }

        context.Response.Headers.ContentDisposition = DownloadName.ContentDisposition(download.Attachment.FileName);
        return TypedResults.Stream(download.Content.Stream!, download.Attachment.ContentType, enableRangeProcessing: true);
    }

    private static async Task<NoContent> Delete(Guid id, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DeleteAttachmentCommand(id), ct);
        return TypedResults.NoContent();
    }
}
