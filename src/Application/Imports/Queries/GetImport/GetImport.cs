using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Exports.Common;
using Crm.Application.Imports.Common;
using Crm.Domain.Common;
using Crm.Domain.Errors;
using MediatR;

namespace Crm.Application.Imports.Queries.GetImport;

/// <summary>One import: the caller's own, or any of the organization's for an owner or admin.</summary>
[NoValidator("an id from the route is its only input")]
public sealed record GetImportQuery(Guid Id) : IQuery<ImportJobDto>, IOrganizationScoped;

public sealed class GetImportQueryHandler(IReadStore store, IRequestContext context, TimeProvider time)
    : IRequestHandler<GetImportQuery, ImportJobDto>
{
    public async Task<ImportJobDto> Handle(GetImportQuery request, CancellationToken cancellationToken)
    {
        var spec = new ImportsVisibleSpecification(
            context.RequireOrganizationId(), ExportsVisibleSpecification.RequesterFilter(context.RequireActor()), request.Id);
        var job = await store.FirstOrDefaultAsync(store.Query(spec), cancellationToken)
                  ?? throw new NotFoundException(ErrorCatalog.ImportNotFound);
        return ImportJobDto.From(job, time.UtcNow());
    }
}
