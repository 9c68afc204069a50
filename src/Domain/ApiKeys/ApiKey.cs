using Crm.Domain.ApiKeys.Rules;
using Crm.Domain.Common;
using Crm.Domain.Organizations;
using Crm.Domain.Organizations.Rules;

namespace Crm.Domain.ApiKeys;

/// <summary>
/// A service account of one organization: a secret that acts there with a role (never owner), optionally read-only
/// and until an expiry, until revoked. Its id is also the id of the service user that owns what the key creates.
/// Like invitations and memberships, not under the tenant query filter: a key is looked up before any organization is
/// known (authentication), and an invitation a key sent is accepted outside its organization; every query names the
/// organization itself.
/// </summary>
public sealed class ApiKey : Entity
{
    public const int NameMaxLength = 100;

    /// <summary>
    /// How stale <see cref="LastUsedAt"/> may be: a request writes it only when it is older than this, so that a busy
    /// integration costs one write a minute, not one per request.
    /// </summary>
    public static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    private ApiKey()
    {
        Name = Prefix = string.Empty;
        SecretHash = [];
    }

    public Guid OrganizationId { get; private set; }

    public string Name { get; private set; }

    public MemberRole Role { get; private set; }

    /// <summary>A read-only key reads everything its role may read and changes nothing.</summary>
    public bool ReadOnly { get; private set; }

    /// <summary>The public start of the secret (<c>crm_</c> and eight characters), shown in lists to tell keys apart.</summary>
    public string Prefix { get; private set; }

    /// <summary>SHA-256 of the whole secret; the secret itself is shown once and never stored.</summary>
    public byte[] SecretHash { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? ExpiresAt { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    public Guid? RevokedBy { get; private set; }

    /// <summary>When a request last authenticated with the key (to <see cref="LastUsedPrecision"/>).</summary>
    public DateTime? LastUsedAt { get; private set; }

    /// <summary>Creates a key on an administrator's authority: never an owner key, an admin key only by an owner.</summary>
    public static ApiKey Issue(
        Guid organizationId, Actor actor, string name, MemberRole role, bool readOnly, DateTime? expiresAt,
        string prefix, byte[] secretHash, DateTime now)
    {
        BusinessRules.Check(new ActorMustAdministerOrganization(actor));
        BusinessRules.Check(new ApiKeyRoleIsNotOwner(role));
        BusinessRules.Check(new OnlyOwnerIssuesAdminApiKeys(actor, role));
        BusinessRules.Check(new ApiKeyExpiresInTheFuture(expiresAt, now));
        return new ApiKey
        {
            Id = NewId(),
            OrganizationId = organizationId,
            Name = name.Trim(),
            Role = role,
            ReadOnly = readOnly,
            Prefix = prefix,
            SecretHash = secretHash,
            CreatedBy = actor.UserId,
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
    }

    /// <summary>Whether a request at <paramref name="now"/> may authenticate with the key.</summary>
    public static bool IsUsable(DateTime? revokedAt, DateTime? expiresAt, DateTime now) =>
        revokedAt is null && (expiresAt is null || expiresAt > now);

    /// <summary>Whether a request at <paramref name="now"/> should record itself in <see cref="LastUsedAt"/>.</summary>
    public static bool IsLastUseStale(DateTime? lastUsedAt, DateTime now) =>
        lastUsedAt is not { } last || now - last >= LastUsedPrecision;

    /// <summary>
    /// An administrator revokes the key; it stops working at once. Any administrator may revoke any key of the
    /// organization (admin keys included): taking access away must never wait for an owner.
    /// </summary>
    public void Revoke(Actor actor, DateTime now)
    {
        BusinessRules.Check(new ActorMustAdministerOrganization(actor));
        BusinessRules.Check(new ApiKeyIsNotRevoked(RevokedAt));
        RevokedAt = now;
        RevokedBy = actor.UserId;
    }

    /// <summary>Revokes the key because the account that created it was deleted; a revoked key stays as it was.</summary>
    public void RevokeAsCreatorLeaves(DateTime now)
    {
        if (RevokedAt is null)
        {
            RevokedAt = now;
            RevokedBy = CreatedBy;
        }
    }
}
