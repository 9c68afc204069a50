using System.Globalization;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Caching;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Imports.Common;
using Crm.Domain.Common;
using Crm.Domain.Companies;
using Crm.Domain.Contacts;
using Crm.Domain.Errors;
using Crm.Domain.Imports;
using MediatR;

namespace Crm.Application.Imports.Commands.RevertImport;

/// <summary>Undoes a finished import within 7 days (owners and admins), leaving alone what changed since.</summary>
[Authorize(Roles = "owner,admin")]
[AuditAction("revert_import")]
[NoValidator("an id from the route is its only input")]
public sealed record RevertImportCommand(Guid Id) : ICommand<ImportRevertDto>, IOrganizationScoped;

public sealed class RevertImportCommandHandler(
    IReadStore store, IImportReverter reverter, IRequestContext context, IAuditTrail audit, ICacheInvalidations invalidations, TimeProvider time)
    : IRequestHandler<RevertImportCommand, ImportRevertDto>
{
    public async Task<ImportRevertDto> Handle(RevertImportCommand request, CancellationToken cancellationToken)
    {
        var organizationId = context.RequireOrganizationId();
        var job = await store.FirstOrDefaultAsync(store.Query(new ImportsVisibleSpecification(organizationId, null, request.Id)), cancellationToken)
                  ?? throw new NotFoundException(ErrorCatalog.ImportNotFound);
        if (job.Status != ImportStatus.Succeeded || job.DryRun)
        {
            throw new ConflictException(ErrorCatalog.ImportNotRevertible, job.DryRun
                ? "A dry run wrote nothing to revert."
                : $"The import is {job.Status.ToString().ToLowerInvariant()}; only a succeeded import can be reverted.");
        }

        if (!job.IsRevertible(time.UtcNow()))
        {
            throw new GoneException(ErrorCatalog.ImportRevertExpired, $"The import finished at {job.FinishedAt:yyyy-MM-dd HH:mm} UTC.");
        }

        var result = await reverter.RevertAsync(job, context.RequireActor(), cancellationToken)
                     ?? throw new ConflictException(ErrorCatalog.ImportNotRevertible, "The import was reverted meanwhile.");
        invalidations.Invalidate(organizationId, CacheTags.RecordsOf(job.RecordType == ImportRecordType.Companies ? typeof(Company) : typeof(Contact)));
        audit.Record(new AuditEvent("revert_import", "import", job.Id, null,
        [
            new AuditChange("deleted", null, result.Deleted.ToString(CultureInfo.InvariantCulture)),
            new AuditChange("restored", null, result.Restored.ToString(CultureInfo.InvariantCulture)),
            new AuditChange("skipped", null, result.SkippedTotal.ToString(CultureInfo.InvariantCulture)),
        ]));
        return result;
    }
}
