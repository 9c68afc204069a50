using Crm.Domain.Common;

namespace Crm.Domain.Suppressions;

/// <summary>
/// An email address the organization must not hold again, kept only as its keyed hash: a contact erased at the person's
/// request stays erased, unless an owner lifts the suppression.
/// </summary>
public sealed class Suppression : Entity, ITenantOwned
{
    /// <summary>The length of a hash: HMAC-SHA-256 as lower-case hex.</summary>
    public const int HashLength = 64;

    private Suppression()
    {
        Hash = string.Empty;
    }

    public Guid OrganizationId { get; private set; }

    /// <summary>Lower-case hex HMAC-SHA-256 of the organization and the normalised address.</summary>
    public string Hash { get; private set; }

    public SuppressionReason Reason { get; private set; }

    /// <summary>Who put the address on the list (the user who erased the contact).</summary>
    public Guid CreatedBy { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static Suppression Add(Guid organizationId, string hash, SuppressionReason reason, Guid createdBy, DateTime now) => new()
    {
        Id = NewId(),
        OrganizationId = organizationId,
        Hash = hash,
        Reason = reason,
        CreatedBy = createdBy,
        CreatedAt = now,
    };
}
