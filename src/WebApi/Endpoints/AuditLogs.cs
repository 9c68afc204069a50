using System.Globalization;
using System.Text;
using System.Text.Json;
using Crm.Application.AuditLogs.Common;
using Crm.Application.AuditLogs.Queries.ExportAuditLogs;
using Crm.Application.AuditLogs.Queries.ListAuditLogs;
using Crm.Application.Common.Models;
using Crm.Domain.Errors;
using Crm.WebApi.Http;
using Crm.WebApi.OpenApi;
using CsvHelper;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Crm.WebApi.Endpoints;

public static class AuditLogs
{
    public static void MapAuditLogEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/audit-logs").WithTags("AuditLogs").RequireAuthorization().RequireOrganizationHeader();
        group.MapGet("/", List).WithName("AuditLogs_List")
            .WithSummary("The organization's audit trail, newest first (owner, admin)")
            .WithDescription("Every change made in the organization, one entry per command with its field-level changes, and the sign-in events of its members.")
            .ProducesProblems(ErrorCatalog.InsufficientRole);
        group.MapGet("/export", Export).WithName("AuditLogs_Export")
            .WithSummary("Stream the filtered audit trail as CSV or JSON (owner, admin)")
            .Produces<AuditLogDto[]>(StatusCodes.Status200OK, "application/json", "text/csv")
            .ProducesProblems(ErrorCatalog.InsufficientRole);
    }

    private static async Task<Ok<PagedList<AuditLogDto>>> List(
        IMediator mediator,
        CancellationToken ct,
        [FromQuery] int? page,
        [FromQuery(Name = "page_size")] int? pageSize,
        [FromQuery(Name = "actor_id")] Guid? actorId,
        [FromQuery(Name = "entity_type")] string? entityType,
        [FromQuery(Name = "entity_id")] Guid? entityId,
        [FromQuery] string? action,
        [FromQuery] DateTime? from,
        [FromQuery] DateTime? to) =>
        TypedResults.Ok(await mediator.Send(
            new ListAuditLogsQuery(page ?? 1, pageSize ?? Paging.DefaultPageSize, actorId, entityType, entityId, action, QueryValues.Utc(from), QueryValues.Utc(to)), ct));

    private static async Task<PushStreamHttpResult> Export(
        HttpContext http,
        ILoggerFactory loggers,
        IMediator mediator,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
        CancellationToken ct,
        [FromQuery] string? format,
        [FromQuery(Name = "actor_id")] Guid? actorId,
        [FromQuery(Name = "entity_type")] string? entityType,
        [FromQuery(Name = "entity_id")] Guid? entityId,
        [FromQuery] string? action,
        [FromQuery] DateTime? from,
        [FromQuery] DateTime? to)
    {
        var csv = QueryValues.Enum("format", format, ExportFormat.Json) == ExportFormat.Csv;
        var rows = await StreamedResponse.StartAsync(
            await mediator.Send(new ExportAuditLogsQuery(actorId, entityType, entityId, action, QueryValues.Utc(from), QueryValues.Utc(to)), ct), ct);
        var fileName = $"audit-log-{DateTime.UtcNow:yyyyMMdd-HHmmss}.{(csv ? "csv" : "json")}";
        return TypedResults.Stream(
            StreamedResponse.AbortingOnFailure(
                http,
                loggers.CreateLogger(typeof(AuditLogs)),
                body => csv ? WriteCsvAsync(body, rows, json.Value.SerializerOptions, ct) : WriteJsonAsync(body, rows, json.Value.SerializerOptions, ct)),
            csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
            fileName);
    }

    private static async Task WriteJsonAsync(Stream body, IAsyncEnumerable<AuditLogDto> rows, JsonSerializerOptions options, CancellationToken ct)
    {
        await body.WriteAsync("["u8.ToArray(), ct);
        var first = true;
        await foreach (var row in rows.WithCancellation(ct))
        {
            if (!first)
            {
                await body.WriteAsync(","u8.ToArray(), ct);
            }

            await body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(row, options), ct);
            first = false;
        }

        await body.WriteAsync("]"u8.ToArray(), ct);
    }

    private static async Task WriteCsvAsync(Stream body, IAsyncEnumerable<AuditLogDto> rows, JsonSerializerOptions options, CancellationToken ct)
    {
        await using var text = new StreamWriter(body, new UTF8Encoding(false), 16_384, leaveOpen: true);
        await using var csv = CsvWriter.Create(text, new CsvWriterOptions { FormatProvider = CultureInfo.InvariantCulture, Injection = CsvInjection.Escape }, leaveOpen: true);
        await csv.WriteRecordAsync(
            ["id", "created_at", "organization_id", "actor_id", "action", "entity_type", "entity_id", "changes", "client_address", "user_agent", "trace_id", "actor_type"], ct);
        await foreach (var row in rows.WithCancellation(ct))
        {
            await csv.WriteRecordAsync(
                [
                    row.Id.ToString(),
                    row.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
                    row.OrganizationId.ToString(),
                    row.ActorId?.ToString() ?? string.Empty,
                    row.Action,
                    row.EntityType ?? string.Empty,
                    row.EntityId?.ToString() ?? string.Empty,
                    JsonSerializer.Serialize(row.Changes, options),
                    row.ClientAddress ?? string.Empty,
                    row.UserAgent ?? string.Empty,
                    row.TraceId ?? string.Empty,
                    JsonNamingPolicy.SnakeCaseLower.ConvertName(row.ActorType.ToString()),
                ],
                ct);
        }

        await csv.FlushAsync(ct);
    }

    private enum ExportFormat
    {
        Json,
        Csv,
    }
}
