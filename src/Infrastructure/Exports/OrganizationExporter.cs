using Crm.Application.Common.Security;
using Crm.Application.Exports.Common;
using Crm.Domain.Exports;
using Crm.Domain.Organizations;
using Crm.Infrastructure.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Infrastructure.Exports;

internal sealed class OrganizationExporter(IServiceScopeFactory scopes) : IOrganizationExporter
{
    public async Task<long> ExportAsync(
        Guid organizationId,
        ExportRecordType recordType,
        ExportFormat format,
        object listQuery,
        Stream output,
        IProgress<ExportProgress>? progress,
        CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var owner = await db.Set<Membership>().AsNoTracking()
            .Where(m => m.OrganizationId == organizationId && m.Role == MemberRole.Owner)
            .OrderBy(m => m.CreatedAt).Select(m => (Guid?)m.UserId)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException($"No organization {organizationId} with an owner exists.");
        var context = scope.ServiceProvider.GetRequiredService<RequestContext>();
        context.SetUser(owner, null);
        context.SetOrganization(organizationId, MemberRole.Owner);
        await ExportSources.CheckAsync(listQuery, scope.ServiceProvider.GetRequiredService<IMediator>(), cancellationToken);
        var rows = await ExportFile.WriteAsync(
            scope.ServiceProvider, recordType, format, listQuery, output,
            (done, total) =>
            {
                progress?.Report(new ExportProgress(done, total));
                return Task.FromResult(true);
            },
            cancellationToken);
        return rows!.Value;
    }
}
