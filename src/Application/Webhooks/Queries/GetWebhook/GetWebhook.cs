using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Webhooks.Common;
using Crm.Domain.Errors;
using MediatR;

namespace Crm.Application.Webhooks.Queries.GetWebhook;

/// <summary>One webhook of the current organization; another organization's is not found.</summary>
[Authorize(Roles = "owner,admin")]
public sealed record GetWebhookQuery(Guid Id) : IQuery<WebhookDto>, IOrganizationScoped;

public sealed class GetWebhookQueryHandler(IReadStore store, IRequestContext context)
    : IRequestHandler<GetWebhookQuery, WebhookDto>
{
    public async Task<WebhookDto> Handle(GetWebhookQuery request, CancellationToken cancellationToken) =>
        await store.FirstOrDefaultAsync(
            WebhooksOfOrganization.Query(store, context.RequireOrganizationId(), request.Id), cancellationToken)
        ?? throw new NotFoundException(ErrorCatalog.WebhookNotFound);
}
