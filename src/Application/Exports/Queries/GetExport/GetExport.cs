using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Exports.Common;
using Crm.Domain.Common;
using Crm.Domain.Errors;
using MediatR;

namespace Crm.Application.Exports.Queries.GetExport;

/// <summary>One export: the caller's own, or any of the organization's for an owner or admin.</summary>
[NoValidator("an id from the route is its only input")]
public sealed record GetExportQuery(Guid Id) : IQuery<ExportJobDto>, IOrganizationScoped;

public sealed class GetExportQueryHandler(IReadStore store, IRequestContext context, TimeProvider time)
    : IRequestHandler<GetExportQuery, ExportJobDto>
{
    public async Task<ExportJobDto> Handle(GetExportQuery request, CancellationToken cancellationToken)
    {
        var spec = new ExportsVisibleSpecification(
            context.RequireOrganizationId(), ExportsVisibleSpecification.RequesterFilter(context.RequireActor()), request.Id);
        var job = await store.FirstOrDefaultAsync(store.Query(spec), cancellationToken)
                  ?? throw new NotFoundException(ErrorCatalog.ExportNotFound);
        return ExportJobDto.From(job, time.UtcNow());
    }
}
