using Crm.Application.ApiKeys.Common;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Domain.Errors;
using MediatR;

namespace Crm.Application.ApiKeys.Queries.GetApiKey;

/// <summary>One unrevoked key of the current organization; a revoked one, or another organization's, is not found.</summary>
[Authorize(Roles = "owner,admin")]
public sealed record GetApiKeyQuery(Guid Id) : IQuery<ApiKeyDto>, IOrganizationScoped;

public sealed class GetApiKeyQueryHandler(IReadStore store, IRequestContext context)
    : IRequestHandler<GetApiKeyQuery, ApiKeyDto>
{
    public async Task<ApiKeyDto> Handle(GetApiKeyQuery request, CancellationToken cancellationToken) =>
        await store.FirstOrDefaultAsync(
            ApiKeysOfOrganization.Query(store, context.RequireOrganizationId(), request.Id), cancellationToken)
        ?? throw new NotFoundException(ErrorCatalog.ApiKeyNotFound);
}
