using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Common.Transactions;
using Crm.Application.Exports.Common;
using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Exports;
using MediatR;

namespace Crm.Application.Exports.Commands.CreateExport;

/// <summary>
/// Queues an export of the records the list endpoint would answer with <see cref="Filters"/> (any member). The
/// filters are checked by that list itself, which reads its first row now, so an export is refused for exactly what
/// the list would refuse.
/// </summary>
/// <param name="Filters">The filters as sent, a JSON object (kept to show on the job).</param>
/// <param name="ListQuery">The list endpoint's query those filters make.</param>
[AuditAction("create_export")]
public sealed record CreateExportCommand(
    ExportRecordType RecordType,
    ExportFormat Format,
    [property: JsonIgnore] string Filters,
    [property: JsonIgnore] object ListQuery)
    : ICommand<ExportJobDto>, IOrganizationScoped;

public sealed class CreateExportCommandHandler(
    IRepository<ExportJob> exports,
    IReadStore store,
    IMediator sender,
    IRequestContext context,
    IAuditTrail audit,
    ITransactionOutcome outcome,
    IExportSignal signal,
    IOrganizationLock organizationLock,
    TimeProvider time)
    : IRequestHandler<CreateExportCommand, ExportJobDto>
{
    public async Task<ExportJobDto> Handle(CreateExportCommand request, CancellationToken cancellationToken)
    {
        var organizationId = context.RequireOrganizationId();
        var actor = context.RequireActor();
        if (request.ListQuery.GetType() != ExportSources.QueryType(request.RecordType))
        {
            throw new InvalidOperationException($"An export of {request.RecordType} takes a {ExportSources.QueryType(request.RecordType).Name}.");
        }

        await ExportSources.CheckAsync(request.ListQuery, sender, cancellationToken);
        await organizationLock.HoldAsync(organizationId, "exports", cancellationToken);
        var active = await store.CountAsync(store.Query(new ActiveExportsSpecification(organizationId)), cancellationToken);
        if (active >= ExportLimits.MaxActivePerOrganization)
        {
            throw new ConflictException(
                ErrorCatalog.ExportLimitReached,
                $"An organization has at most {ExportLimits.MaxActivePerOrganization} exports queued or running; wait for one to finish.");
        }

        var job = ExportJob.Queue(
            organizationId, actor.UserId, context.ActorTypeOf(actor.UserId), request.RecordType, request.Format, request.Filters,
            JsonSerializer.Serialize(request.ListQuery, request.ListQuery.GetType()), time.UtcNow());
        exports.Add(job);
        audit.Record(new AuditEvent("create_export", "export", job.Id, null,
        [
            new AuditChange("record_type", null, JsonNamingPolicy.SnakeCaseLower.ConvertName(job.RecordType.ToString())),
            new AuditChange("format", null, JsonNamingPolicy.SnakeCaseLower.ConvertName(job.Format.ToString())),
            new AuditChange("filters", null, job.Filters),
        ]));
        outcome.AfterCommit(_ =>
        {
            signal.Wake();
            return Task.CompletedTask;
        });
        return ExportJobDto.From(job, time.UtcNow());
    }
}
