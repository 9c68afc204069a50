using Crm.Domain.Common;
using Crm.Domain.Organizations;
using Crm.Domain.Organizations.Rules;
using Crm.Domain.Webhooks.Rules;

namespace Crm.Domain.Webhooks;

/// <summary>
/// An endpoint of a partner that receives the organization's events as signed POSTs. Its signing secret is stored
/// encrypted (it must be read back to sign); after a rotation the previous secret still signs for a while, so that a
/// receiver can switch without losing deliveries.
/// </summary>
public sealed class Webhook : Entity, ITenantOwned, IVersioned
{
    public const int UrlMaxLength = 2048;
    public const int DescriptionMaxLength = 500;
    public const int MaxEvents = 32;

    /// <summary>Bounds what one organization makes the dispatcher do.</summary>
    public const int MaxPerOrganization = 25;

    /// <summary>How long the previous secret still signs after a rotation.</summary>
    public static readonly TimeSpan SecretOverlap = TimeSpan.FromHours(24);

    private Webhook()
    {
        Url = string.Empty;
        Events = [];
        Secret = [];
    }

    public Guid OrganizationId { get; private set; }

    public string Url { get; private set; }

    /// <summary>Event types and patterns (<c>*</c>, <c>deal.*</c>), distinct and sorted.</summary>
    public string[] Events { get; private set; }

    public string? Description { get; private set; }

    public bool Active { get; private set; }

    /// <summary>The signing secret, encrypted for this webhook.</summary>
    public byte[] Secret { get; private set; }

    /// <summary>The secret before the last rotation, encrypted; it signs too until <see cref="PreviousSecretExpiresAt"/>.</summary>
    public byte[]? PreviousSecret { get; private set; }

    public DateTime? PreviousSecretExpiresAt { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>When the service last turned the webhook off by itself (endpoint gone, failing for too long).</summary>
    public DateTime? DeactivatedAt { get; private set; }

    public string? DeactivationReason { get; private set; }

    /// <summary>
    /// When deliveries to the webhook started failing without a success since (null while they succeed); the
    /// dispatcher sets and clears it, and turns the webhook off once it is older than the retry period.
    /// </summary>
    public DateTime? FailingSince { get; private set; }

    public uint Version { get; private set; }

    /// <param name="protect">Encrypts the secret for the webhook's id, which exists only once the webhook does.</param>
    public static Webhook Register(
        Guid organizationId, Actor actor, string url, IReadOnlyList<string> events, string? description, bool active,
        byte[] secret, Func<byte[], Guid, byte[]> protect, DateTime now)
    {
        BusinessRules.Check(new ActorMustAdministerOrganization(actor));
        BusinessRules.Check(new WebhookEventsAreKnown(events));
        var webhook = new Webhook
        {
            Id = NewId(),
            OrganizationId = organizationId,
            Url = url.Trim(),
            Events = Normalize(events),
            Description = NullIfBlank(description),
            Active = active,
            CreatedBy = actor.UserId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        webhook.Secret = protect(secret, webhook.Id);
        return webhook;
    }

    /// <summary>Whether an event of <paramref name="type"/> goes to this webhook now.</summary>
    public bool Wants(string type) => Active && WebhookEventTypes.Matches(Events, type);

    public void Update(Actor actor, WebhookChanges changes, DateTime now)
    {
        BusinessRules.Check(new ActorMustAdministerOrganization(actor));
        if (changes.Events.IsSet)
        {
            BusinessRules.Check(new WebhookEventsAreKnown(changes.Events.Value));
            Events = Normalize(changes.Events.Value);
        }

        if (changes.Url.IsSet)
        {
            Url = changes.Url.Value.Trim();
        }

        if (changes.Description.IsSet)
        {
            Description = NullIfBlank(changes.Description.Value);
        }

        if (changes.Active.IsSet)
        {
            Active = changes.Active.Value;
            if (Active)
            {
                // Turned back on by a person: the service's reason for turning it off no longer holds, and past
                // failures no longer count towards turning it off again.
                DeactivatedAt = null;
                DeactivationReason = null;
                FailingSince = null;
            }
        }

        UpdatedAt = now;
    }

    /// <summary>
    /// A new signing secret; the current one keeps signing (as a second signature) for <see cref="SecretOverlap"/>,
    /// so a receiver that still checks the old one loses nothing while it is updated.
    /// </summary>
    public void RotateSecret(Actor actor, byte[] secret, Func<byte[], Guid, byte[]> protect, DateTime now)
    {
        BusinessRules.Check(new ActorMustAdministerOrganization(actor));
        PreviousSecret = Secret;
        PreviousSecretExpiresAt = now + SecretOverlap;
        Secret = protect(secret, Id);
        UpdatedAt = now;
    }

    /// <summary>The encrypted secrets that sign a delivery at <paramref name="now"/>: the current one first.</summary>
    public IReadOnlyList<byte[]> SigningSecrets(DateTime now) =>
        PreviousSecret is { } previous && PreviousSecretExpiresAt > now ? [Secret, previous] : [Secret];

    /// <summary>The service turns the webhook off (the endpoint answered 410, or failed for too long).</summary>
    public void Deactivate(string reason, DateTime now)
    {
        Active = false;
        DeactivatedAt = now;
        DeactivationReason = reason;
        UpdatedAt = now;
    }

    public void CheckCanDelete(Actor actor) => BusinessRules.Check(new ActorMustAdministerOrganization(actor));

    private static string[] Normalize(IEnumerable<string> events) =>
        events.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
