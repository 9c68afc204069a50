using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Files;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Common.Transactions;
using Crm.Application.CustomFields.Queries.ListCustomFields;
using Crm.Application.Imports.Common;
using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Imports;
using MediatR;

namespace Crm.Application.Imports.Commands.CreateImport;

/// <summary>
/// Checks an uploaded file and its mapping up front (format, encoding, header, row count, every mapped field known,
/// the default owner a member), stores the file and queues the import (owners, admins and managers).
/// </summary>
/// <param name="Mapping">Column header → field (<c>name</c>, <c>email</c>, ...) or <c>cf.&lt;key&gt;</c>.</param>
/// <param name="MatchOn">What rows are matched on; email (contacts) or domain (companies) when not given.</param>
/// <param name="CreateCompanies">A contacts import creates the companies its rows name that the organization lacks.</param>
[Authorize(Roles = "owner,admin,manager")]
[AuditAction("create_import")]
public sealed record CreateImportCommand(
    ImportRecordType RecordType,
    IReadOnlyDictionary<string, string> Mapping,
    ImportMode Mode,
    ImportMatch? MatchOn,
    bool DryRun,
    Guid? OwnerId,
    string? FileName,
    long Length,
    [property: JsonIgnore] Stream Content,
    bool CreateCompanies = false)
    : ICommand<ImportJobDto>, IOrganizationScoped;

public sealed class CreateImportCommandHandler(
    IRepository<ImportJob> imports,
    IReadStore store,
    IMediator sender,
    IImportFileInspector inspector,
    IFileStorage files,
    IRequestContext context,
    IAuditTrail audit,
    ITransactionOutcome outcome,
    IImportSignal signal,
    IOrganizationLock organizationLock,
    TimeProvider time)
    : IRequestHandler<CreateImportCommand, ImportJobDto>
{
    public async Task<ImportJobDto> Handle(CreateImportCommand request, CancellationToken cancellationToken)
    {
        var organizationId = context.RequireOrganizationId();
        var actor = context.RequireActor();
        if (request.Length > ImportLimits.MaxFileSize)
        {
            throw new PayloadTooLargeException(
                ErrorCatalog.ImportFileTooLarge, $"The file has {request.Length:N0} bytes; an import takes at most {ImportLimits.MaxFileSize:N0}.");
        }

        var matchOn = request.MatchOn ?? ImportFields.Matches(request.RecordType)[0];
        await CheckFieldsAsync(request, matchOn, cancellationToken);
        await store.EnsureMemberAsync(organizationId, request.OwnerId, cancellationToken);
        await organizationLock.HoldAsync(organizationId, "imports", cancellationToken);
        var active = await store.CountAsync(store.Query(new ActiveImportsSpecification(organizationId)), cancellationToken);
        if (active >= ImportLimits.MaxActivePerOrganization)
        {
            throw new ConflictException(
                ErrorCatalog.ImportLimitReached,
                $"An organization has at most {ImportLimits.MaxActivePerOrganization} imports queued or running; wait for one to finish.");
        }

        var summary = await inspector.InspectAsync(request.Content, request.FileName, cancellationToken);
        CheckColumns(request.Mapping, summary.Headers);

        var id = ImportJob.NextId();
        var key = $"imports/{organizationId:N}/{id:N}";
        request.Content.Position = 0;
        await files.SaveAsync(key, request.Content, request.Length, "application/octet-stream", cancellationToken);
        outcome.OnRollback(_ => files.DeleteAsync(key, CancellationToken.None));

        var job = ImportJob.Queue(
            id, organizationId, actor.UserId, context.ActorTypeOf(actor.UserId), request.RecordType, summary.Format,
            FileName(request.FileName, summary.Format), key, request.Length, JsonSerializer.Serialize(summary.Headers),
            JsonSerializer.Serialize(request.Mapping), request.Mode, matchOn, request.DryRun, request.OwnerId, summary.Rows,
            time.UtcNow(), request.CreateCompanies);
        imports.Add(job);
        audit.Record(new AuditEvent("create_import", "import", job.Id, null,
        [
            new AuditChange("record_type", null, Wire(job.RecordType)),
            new AuditChange("file_name", null, job.FileName),
            new AuditChange("rows", null, summary.Rows.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new AuditChange("mode", null, Wire(job.Mode)),
            new AuditChange("dry_run", null, job.DryRun ? "true" : "false"),
            new AuditChange("create_companies", null, job.CreateCompanies ? "true" : "false"),
        ]));
        outcome.AfterCommit(_ =>
        {
            signal.Wake();
            return Task.CompletedTask;
        });
        return ImportJobDto.From(job, time.UtcNow());
    }

    /// <summary>Every mapped field exists for the record type (custom fields among the organization's definitions), and the match field is mapped.</summary>
    private async Task CheckFieldsAsync(CreateImportCommand request, ImportMatch matchOn, CancellationToken cancellationToken)
    {
        var known = ImportFields.Of(request.RecordType);
        var definitions = (await sender.Send(new ListCustomFieldsQuery(ImportFields.CustomFieldsOf(request.RecordType)), cancellationToken)).Items
            .Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        var unknown = request.Mapping
            .Where(m => ImportFields.CustomFieldKey(m.Value) is { } key ? !definitions.Contains(key) : !known.Contains(m.Value, StringComparer.Ordinal))
            .Select(m => $"\"{m.Key}\" → \"{m.Value}\"")
            .ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidInputException(
                ErrorCatalog.ImportUnknownField,
                $"Unknown: {string.Join(", ", unknown)}. Fields of {Wire(request.RecordType)}: {string.Join(", ", known)}, or cf.<key> of a custom field (GET /api/v1/custom-fields).");
        }

        if (!request.Mapping.Values.Contains(ImportFields.MatchField(matchOn), StringComparer.Ordinal) && request.Mode == ImportMode.Upsert)
        {
            throw new InvalidInputException(
                ErrorCatalog.ImportMatchColumnMissing, $"match_on is {Wire(matchOn)}: map a column to {ImportFields.MatchField(matchOn)}.");
        }
    }

    private static void CheckColumns(IReadOnlyDictionary<string, string> mapping, IReadOnlyList<string> headers)
    {
        var missing = mapping.Keys.Where(k => !headers.Contains(k, StringComparer.Ordinal)).Select(k => $"\"{k}\"").ToList();
        if (missing.Count > 0)
        {
            throw new InvalidInputException(
                ErrorCatalog.ImportColumnMissing,
                $"The header has no column {string.Join(", ", missing)}; it has {string.Join(", ", headers.Take(50).Select(h => $"\"{h}\""))}.");
        }
    }

    private static string FileName(string? sent, ImportFileFormat format)
    {
        var name = Path.GetFileName(sent ?? string.Empty).Trim();
        return name.Length is > 0 and <= 255 ? name : $"import.{Wire(format)}";
    }

    private static string Wire<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
