using System.Text.Json;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Models;
using Crm.Application.Imports.Commands.CreateImport;
using Crm.Application.Imports.Commands.RevertImport;
using Crm.Application.Imports.Common;
using Crm.Application.Imports.Queries.GetImport;
using Crm.Application.Imports.Queries.GetImportErrors;
using Crm.Application.Imports.Queries.ListImports;
using Crm.Domain.Errors;
using Crm.Domain.Imports;
using Crm.WebApi.Http;
using Crm.WebApi.OpenApi;
using FluentValidation.Results;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Crm.WebApi.Endpoints;

public static class Imports
{
    private const string Base = "/api/v1/imports";

    public static void MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Base).WithTags("Imports").RequireAuthorization().RequireOrganizationHeader();
        group.MapPost("/", Create).WithName("Imports_Create")
            .WithSummary("Import contacts or companies from a CSV or XLSX file in the background (owners, admins and managers)")
            .WithDescription("multipart/form-data with the fields file (CSV in UTF-8, comma, semicolon or tab separated, or XLSX: its first sheet), " +
                "record_type (contacts or companies), mapping (a JSON object: column header → field, e.g. {\"E-mail\": \"email\", \"Full name\": \"name\", " +
                "\"Tier\": \"cf.tier\"}; contacts: name, email, phone, external_id, owner_id, owner_email, tags (separated by ;), " +
                "company_domain or company_name (the company the contact works at: by its domain, else by its name in any case), cf.<key>; " +
                "companies: name, domain, industry, employee_count, website, phone, address_line1, address_line2, address_city, address_region, " +
                "address_postal_code, address_country, owner_id, owner_email, tags, cf.<key> of a company custom field), " +
                "mode (create, or upsert: a row whose match_on value belongs to a record updates it), match_on (contacts: email or external_id; " +
                "companies: domain, normalised as the API does), " +
                "dry_run (true checks and counts without writing), create_companies (true: a contacts import creates, once each, the " +
                "companies its rows name that the organization lacks; otherwise such a row fails as import_company_not_found) and owner_id (the owner of created records whose row names none; the " +
                "requester by default). The file is checked before the answer: encoding, header, mapping and size (at most 1,000,000 rows). " +
                "Answers 202 with the job; follow it with GET /api/v1/imports/{id}. Each row is checked with the rules of POST /api/v1/contacts " +
                "(or /companies); " +
                "a row that fails is skipped whole and listed in GET /api/v1/imports/{id}/errors. Of rows with the same match key (or email), " +
                "the first is imported and the later ones fail as import_duplicate_row. An empty cell leaves the matched record's field as it is " +
                "(any address cell gives a company its whole address). At most 3 imports of an organization are queued or running at once; " +
                "the requester gets an email and an import_finished notification when it finishes (or fails).")
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithMetadata(new RequestSizeLimitAttribute(ImportLimits.MaxFileSize + (1024 * 1024)))
            .WithFormOptions(multipartBodyLengthLimit: ImportLimits.MaxFileSize + (1024 * 1024))
            .ProducesProblems(ErrorCatalog.ImportUnknownField, ErrorCatalog.ImportColumnMissing, ErrorCatalog.ImportMatchColumnMissing)
            .ProducesProblems(ErrorCatalog.ImportFileEmpty, ErrorCatalog.ImportFileEncoding, ErrorCatalog.ImportFileUnreadable)
            .ProducesProblems(ErrorCatalog.ImportTooManyRows, ErrorCatalog.ImportHeaderInvalid, ErrorCatalog.UserNotMember)
            .ProducesProblems(ErrorCatalog.ImportFileTooLarge, ErrorCatalog.PayloadTooLarge)
            .ProducesProblems(ErrorCatalog.ImportLimitReached);
        group.MapGet("/", List).WithName("Imports_List")
            .WithSummary("Your imports, newest first (owners and admins see everyone's), by page or cursor")
            .ProducesProblems(ErrorCatalog.InvalidCursor);
        group.MapGet("/{id:guid}", Get).WithName("Imports_Get")
            .WithSummary("One import: its status, progress, counts and, once rows failed, its errors_url")
            .ProducesProblems(ErrorCatalog.ImportNotFound);
        group.MapGet("/{id:guid}/errors", Errors).WithName("Imports_Errors")
            .WithSummary("The rows that failed, as CSV: row (the file's row number, the header being 1), code, detail, then the file's columns")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblems(ErrorCatalog.ImportNotFound);
        group.MapPost("/{id:guid}/revert", Revert).WithName("Imports_Revert")
            .WithSummary("Undo an import within 7 days (owners and admins): deletes the records it created and restores the fields it changed")
            .WithDescription("A contact changed since the import is left as it is and listed in skipped (with the reason), as is a " +
                "created contact that has deals since; a restored field that someone changed since is left as it is and listed too.")
            .ProducesProblems(ErrorCatalog.ImportNotFound, ErrorCatalog.ImportNotRevertible, ErrorCatalog.ImportRevertExpired);
    }

    private static async Task<Accepted<ImportJobDto>> Create(
        IFormFile? file,
        IMediator mediator,
        CancellationToken ct,
        [FromForm(Name = "record_type")] string? recordType,
        [FromForm(Name = "mapping")] string? mapping,
        [FromForm(Name = "mode")] string? mode,
        [FromForm(Name = "match_on")] string? matchOn,
        [FromForm(Name = "dry_run")] string? dryRun,
        [FromForm(Name = "owner_id")] string? ownerId,
        [FromForm(Name = "create_companies")] string? createCompanies)
    {
        var failures = new List<ValidationFailure>();
        if (file is null)
        {
            failures.Add(new ValidationFailure("file", "must be a file sent as multipart/form-data field \"file\""));
        }

        var type = Parse<ImportRecordType>(recordType, "record_type", "contacts, companies", failures) ?? ImportRecordType.Contacts;
        var importMode = Parse<ImportMode>(mode, "mode", "create, upsert", failures) ?? ImportMode.Create;
        var match = Parse<ImportMatch>(matchOn, "match_on", "email, external_id, domain", failures);
        var map = Mapping(mapping, failures);
        bool dry = false;
        if (dryRun is not null && !bool.TryParse(dryRun, out dry))
        {
            failures.Add(new ValidationFailure("dry_run", "must be true or false"));
        }

        bool create = false;
        if (createCompanies is not null && !bool.TryParse(createCompanies, out create))
        {
            failures.Add(new ValidationFailure("create_companies", "must be true or false"));
        }

        Guid? owner = null;
        if (!string.IsNullOrEmpty(ownerId))
        {
            if (Guid.TryParse(ownerId, out var id))
            {
                owner = id;
            }
            else
            {
                failures.Add(new ValidationFailure("owner_id", "must be a UUID"));
            }
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        await using var content = file!.OpenReadStream();
        var job = await mediator.Send(
            new CreateImportCommand(type, map, importMode, match, dry, owner, file.FileName, file.Length, content, create), ct);
        return TypedResults.Accepted($"{Base}/{job.Id}", job);
    }

    private static TEnum? Parse<TEnum>(string? value, string field, string allowed, List<ValidationFailure> failures)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var name = value.Replace("_", string.Empty, StringComparison.Ordinal);
        if (value.All(c => char.IsAsciiLetterLower(c) || c == '_') && Enum.TryParse<TEnum>(name, ignoreCase: true, out var parsed))
        {
            return parsed;
        }

        failures.Add(new ValidationFailure(field, $"must be one of: {allowed}"));
        return null;
    }

    private static Dictionary<string, string> Mapping(string? mapping, List<ValidationFailure> failures)
    {
        if (string.IsNullOrWhiteSpace(mapping))
        {
            failures.Add(new ValidationFailure("mapping", "is required: a JSON object of column header → field"));
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(mapping) ?? [];
        }
        catch (JsonException)
        {
            failures.Add(new ValidationFailure("mapping", "must be a JSON object of column header → field (strings), e.g. {\"E-mail\": \"email\"}"));
            return [];
        }
    }

    private static async Task<Ok<PagedList<ImportJobDto>>> List(
        IMediator mediator,
        CancellationToken ct,
        [FromQuery] int? page,
        [FromQuery(Name = "page_size")] int? pageSize,
        [FromQuery] string? cursor) =>
        TypedResults.Ok(await mediator.Send(new ListImportsQuery(page ?? 1, pageSize ?? Paging.DefaultPageSize, cursor), ct));

    private static async Task<Ok<ImportJobDto>> Get(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetImportQuery(id), ct));

    private static async Task<PushStreamHttpResult> Errors(Guid id, IMediator mediator, CancellationToken ct)
    {
        var download = await mediator.Send(new GetImportErrorsQuery(id), ct);
        return TypedResults.Stream(output => download.WriteAsync(output, ct), "text/csv; charset=utf-8", download.FileName);
    }

    private static async Task<Ok<ImportRevertDto>> Revert(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new RevertImportCommand(id), ct));
}
