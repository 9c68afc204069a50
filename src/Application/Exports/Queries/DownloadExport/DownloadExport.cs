using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Files;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Exports.Common;
using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Exports;
using MediatR;

namespace Crm.Application.Exports.Queries.DownloadExport;

/// <summary>
/// The file of a finished export (its requester, owners and admins): <c>409 export_not_ready</c> while it runs or when it
/// failed, <c>410 export_expired</c> once its file is removed.
/// </summary>
[NoValidator("an id from the route is its only input")]
public sealed record DownloadExportQuery(Guid Id) : IQuery<ExportDownload>, IOrganizationScoped;

public sealed class DownloadExportQueryHandler(IReadStore store, IRequestContext context, IFileStorage files, TimeProvider time)
    : IRequestHandler<DownloadExportQuery, ExportDownload>
{
    public async Task<ExportDownload> Handle(DownloadExportQuery request, CancellationToken cancellationToken)
    {
        var spec = new ExportsVisibleSpecification(
            context.RequireOrganizationId(), ExportsVisibleSpecification.RequesterFilter(context.RequireActor()), request.Id);
        var job = await store.FirstOrDefaultAsync(store.Query(spec), cancellationToken)
                  ?? throw new NotFoundException(ErrorCatalog.ExportNotFound);
        if (job.Status != ExportStatus.Succeeded)
        {
            throw new ConflictException(ErrorCatalog.ExportNotReady, job.Status == ExportStatus.Failed
                ? $"The export failed ({job.ErrorCode}); start another."
                : "The export is still running; its status says when it is done.");
        }

        if (!job.IsDownloadable(time.UtcNow()))
        {
            throw new GoneException(ErrorCatalog.ExportExpired);
        }

        var content = await files.OpenAsync(job.FileKey!, job.FileName, ExportJob.ContentType(job.Format), cancellationToken);
        return new ExportDownload(content, job.FileName, ExportJob.ContentType(job.Format), job.FileSize ?? 0);
    }
}
