using System.Globalization;
using System.Text.Json;
using Crm.Application.ApiKeys.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Domain.ApiKeys;
using Crm.Domain.Common;
using Crm.Domain.Organizations;
using Crm.Domain.Users;
using MediatR;

namespace Crm.Application.ApiKeys.Commands.CreateApiKey;

/// <summary>
/// Creates an API key of the current organization with a role (admin only by an owner, never owner), optionally
/// read-only and expiring. The answer carries the secret, which is never shown again.
/// </summary>
[Authorize(Roles = "owner,admin")]
[AuditAction("create_api_key")]
public sealed record CreateApiKeyCommand(string Name, MemberRole? Role, bool? ReadOnly = null, DateTimeOffset? ExpiresAt = null)
    : ICommand<CreatedApiKeyDto>, IOrganizationScoped;

public sealed class CreateApiKeyCommandHandler(
    IRepository<ApiKey> keys, IRepository<User> users, IRequestContext context, IAuditTrail audit, TimeProvider time)
    : IRequestHandler<CreateApiKeyCommand, CreatedApiKeyDto>
{
    public Task<CreatedApiKeyDto> Handle(CreateApiKeyCommand request, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var (secret, prefix, hash) = ApiKeySecrets.Generate();
        var key = ApiKey.Issue(
            context.RequireOrganizationId(), context.RequireActor(), request.Name, request.Role!.Value,
            request.ReadOnly ?? false, Microseconds(request.ExpiresAt), prefix, hash, now);
        users.Add(User.ServiceAccount(key.Id, key.Name, now));
        keys.Add(key);
        audit.Record(new AuditEvent("create_api_key", "api_key", key.Id, null,
        [
            new AuditChange("name", null, key.Name),
            new AuditChange("role", null, JsonNamingPolicy.SnakeCaseLower.ConvertName(key.Role.ToString())),
            new AuditChange("read_only", null, key.ReadOnly ? "true" : "false"),
            new AuditChange("prefix", null, key.Prefix),
            .. key.ExpiresAt is { } expiresAt ? [new AuditChange("expires_at", null, expiresAt.ToString("O", CultureInfo.InvariantCulture))] : Array.Empty<AuditChange>(),
        ]));
        return Task.FromResult(new CreatedApiKeyDto(
            key.Id, key.Name, key.Role, key.ReadOnly, key.Prefix, secret, key.CreatedAt, key.ExpiresAt));
    }

    /// <summary>UTC to whole microseconds, as PostgreSQL stores it, so the answer equals what is read back later.</summary>
    private static DateTime? Microseconds(DateTimeOffset? value) =>
        value?.UtcDateTime is { } utc ? new DateTime(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc) : null;
}
