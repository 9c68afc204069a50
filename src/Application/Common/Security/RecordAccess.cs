using AutoMapper;
using AutoMapper.QueryableExtensions;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Specifications;
using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Organizations;

namespace Crm.Application.Common.Security;

public static class RecordAccess
{
    /// <summary>
    /// The record with this id in the current organization. A record of another organization is answered exactly
    /// like one that does not exist: the query filter hides it, and this check is the second wall.
    /// </summary>
    public static async Task<T> GetInOrganizationAsync<T>(
        this IRepository<T> repository, Guid id, IRequestContext context, Error notFound, CancellationToken ct)
        where T : Entity, ITenantOwned
    {
        var organizationId = context.RequireOrganizationId();
        var record = await repository.FindAsync(id, ct);
        return record is not null && record.OrganizationId == organizationId
            ? record
            : throw new NotFoundException(notFound);
    }

    /// <summary>
    /// One record of the current organization, projected to <typeparamref name="TDto"/> in the query; an id of
    /// another organization is not found.
    /// </summary>
    public static async Task<TDto> GetProjectedAsync<TEntity, TDto>(
        this IReadStore store, Guid id, IRequestContext context, IMapper mapper, Error notFound, CancellationToken ct)
        where TEntity : Entity, ITenantOwned
    {
        var organizationId = context.RequireOrganizationId();
        var query = store.Query(new RecordInOrganizationSpecification<TEntity>(id, organizationId))
            .ProjectTo<TDto>(mapper.ConfigurationProvider);
        return await store.FirstOrDefaultAsync(query, ct)
            ?? throw new NotFoundException(notFound);
    }

    /// <summary>Refuses a filter on someone else's records to a member: it reads everything but assigns nothing.</summary>
    public static void EnsureMayFilterByOwner(this Actor actor, Guid? ownerId)
    {
        if (ownerId is not null && !actor.Role.ManagesAllRecords())
        {
            throw new ForbiddenException(ErrorCatalog.OwnerFilterForbidden);
        }
    }
}
