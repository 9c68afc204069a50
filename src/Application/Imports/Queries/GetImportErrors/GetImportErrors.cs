using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Exports.Common;
using Crm.Application.Imports.Common;
using Crm.Domain.Errors;
using MediatR;

namespace Crm.Application.Imports.Queries.GetImportErrors;

/// <summary>
/// The rows of an import that failed, as CSV (<c>row</c>, <c>code</c>, <c>detail</c>, then the file's columns), for
/// whoever may see the import; empty but for its header while nothing failed.
/// </summary>
[NoValidator("an id from the route is its only input")]
public sealed record GetImportErrorsQuery(Guid Id) : IQuery<ImportErrorsDownload>, IOrganizationScoped;

public sealed class GetImportErrorsQueryHandler(IReadStore store, IRequestContext context, IImportErrorsFile errors)
    : IRequestHandler<GetImportErrorsQuery, ImportErrorsDownload>
{
    public async Task<ImportErrorsDownload> Handle(GetImportErrorsQuery request, CancellationToken cancellationToken)
    {
        var spec = new ImportsVisibleSpecification(
            context.RequireOrganizationId(), ExportsVisibleSpecification.RequesterFilter(context.RequireActor()), request.Id);
        var job = await store.FirstOrDefaultAsync(store.Query(spec), cancellationToken)
                  ?? throw new NotFoundException(ErrorCatalog.ImportNotFound);
        return new ImportErrorsDownload(
            $"{Path.GetFileNameWithoutExtension(job.FileName)}-errors.csv", (output, ct) => errors.WriteAsync(job, output, ct));
    }
}
