using Crm.Domain.Errors;

namespace Crm.Application.Webhooks.Common;

/// <summary>
/// Decides whether the service may call a URL (scheme, and the addresses its host resolves to), at registration and
/// again before each delivery, since a name may resolve elsewhere later.
/// </summary>
public interface IWebhookTargetPolicy
{
    /// <summary>Null when the URL may be called; else why not.</summary>
    Task<Error?> CheckAsync(string url, CancellationToken cancellationToken);
}
