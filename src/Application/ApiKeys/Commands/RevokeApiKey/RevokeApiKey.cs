using System.Globalization;
using Crm.Application.ApiKeys.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Domain.ApiKeys;
using Crm.Domain.Common;
using Crm.Domain.Errors;
using MediatR;

namespace Crm.Application.ApiKeys.Commands.RevokeApiKey;

/// <summary>
/// Revokes one of the current organization's keys: every request with it fails from the commit on, since each
/// request looks its key up. What the key created stays, owned by its service user.
/// </summary>
[Authorize(Roles = "owner,admin")]
[NoValidator("Its only input is the key id in the path, which routing accepts as a UUID only.")]
[AuditAction("revoke_api_key")]
public sealed record RevokeApiKeyCommand(Guid ApiKeyId) : ICommand<Unit>, IOrganizationScoped;

public sealed class RevokeApiKeyCommandHandler(
    IRepository<ApiKey> keys, IRequestContext context, IAuditTrail audit, TimeProvider time)
    : IRequestHandler<RevokeApiKeyCommand, Unit>
{
    public async Task<Unit> Handle(RevokeApiKeyCommand request, CancellationToken cancellationToken)
    {
        var key = await keys.FirstOrDefaultAsync(
                new LiveApiKeyOfOrganizationSpecification(context.RequireOrganizationId(), request.ApiKeyId), cancellationToken)
            ?? throw new NotFoundException(ErrorCatalog.ApiKeyNotFound);
        var now = time.UtcNow();
        key.Revoke(context.RequireActor(), now);
        audit.Record(new AuditEvent("revoke_api_key", "api_key", key.Id, null,
            [new AuditChange("revoked_at", null, now.ToString("O", CultureInfo.InvariantCulture))]));
        return Unit.Value;
    }
}
