using Crm.Application.Common.Interfaces;
using Crm.Domain.Webhooks;

namespace Crm.Application.Webhooks.Common;

public static class WebhooksOfOrganization
{
    /// <summary>The organization's webhooks (or the one with <paramref name="id"/>), newest first; never a secret.</summary>
    public static IQueryable<WebhookDto> Query(IReadStore store, Guid organizationId, Guid? id = null) =>
        from w in store.Query<Webhook>()
        where w.OrganizationId == organizationId && (id == null || w.Id == id)
        orderby w.CreatedAt descending, w.Id descending
        select new WebhookDto(
            w.Id, w.Url, w.Events, w.Description, w.Active, w.CreatedAt, w.UpdatedAt, w.DeactivatedAt, w.DeactivationReason, w.FailingSince);
}
