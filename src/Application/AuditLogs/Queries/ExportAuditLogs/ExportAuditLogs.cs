using System.Runtime.CompilerServices;
using AutoMapper;
using Crm.Application.AuditLogs.Common;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Models;
using Crm.Application.Common.Security;
using Crm.Application.Organizations.Common;
using Crm.Domain.Auditing;
using MediatR;

namespace Crm.Application.AuditLogs.Queries.ExportAuditLogs;

/// <summary>
/// Every filtered entry of the organization's audit log, newest first, read from the database as it is written
/// out: never loaded whole into memory. One export covers at most <see cref="QueryBounds.MaxExportDays"/> days: without
/// <c>from</c>, those before <c>to</c> (or now).
/// </summary>
[Authorize(Roles = "owner,admin")]
public sealed record ExportAuditLogsQuery(
    Guid? ActorId = null,
    string? EntityType = null,
    Guid? EntityId = null,
    string? Action = null,
    DateTime? From = null,
    DateTime? To = null) : IQuery<IAsyncEnumerable<AuditLogDto>>, IOrganizationScoped, IAuditLogFilter;

public sealed class ExportAuditLogsQueryHandler(IReadStore store, IRequestContext context, IMapper mapper, TimeProvider time)
    : IRequestHandler<ExportAuditLogsQuery, IAsyncEnumerable<AuditLogDto>>
{
    public Task<IAsyncEnumerable<AuditLogDto>> Handle(ExportAuditLogsQuery request, CancellationToken cancellationToken)
    {
        var organizationId = context.RequireOrganizationId();
        var bounded = request with { From = request.From ?? (request.To ?? time.GetUtcNow().UtcDateTime).AddDays(-QueryBounds.MaxExportDays) };
        var spec = new AuditLogSpecification(organizationId, store.Query(new MembershipsOfOrganizationSpecification(organizationId)), bounded);
        return Task.FromResult(Stream(store.StreamAsync(store.Query(spec), cancellationToken), cancellationToken));
    }

    private async IAsyncEnumerable<AuditLogDto> Stream(
        IAsyncEnumerable<AuditEntry> entries, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            yield return mapper.Map<AuditLogDto>(entry);
        }
    }
}
