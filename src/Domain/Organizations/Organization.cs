using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Organizations.Events;
using Crm.Domain.Organizations.Rules;

namespace Crm.Domain.Organizations;

/// <summary>
/// A tenant. The aggregate owns its memberships so that the owner rules (only an owner manages owners; the last
/// owner stays) are checked against every membership at once. Every membership change also moves
/// <see cref="UpdatedAt"/>, so two concurrent changes to one organization conflict instead of both winning.
/// </summary>
public sealed class Organization : Entity, IHasDomainEvents
{
    public const int NameMaxLength = 200;

    private readonly List<Membership> _memberships = [];
    private readonly List<IDomainEvent> _events = [];

    private Organization()
    {
        Name = string.Empty;
        DefaultCurrency = Currency.Default;
        TimeZone = OrganizationTimeZones.Default;
    }

    public string Name { get; private set; }

    public string DefaultCurrency { get; private set; }

    /// <summary>The IANA time zone whose calendar day decides which tasks are overdue.</summary>
    public string TimeZone { get; private set; }

    /// <summary>The chance that an open deal in each stage is won, which weights the forecast.</summary>
    public StageProbabilities StageProbabilities { get; private set; } = StageProbabilities.Default;

    /// <summary>The subscription plan, which sets the organization's rate limits.</summary>
    public OrganizationPlan Plan { get; private set; } = OrganizationPlan.Free;

    /// <summary>Whether members must have two-factor sign-in on to act in the organization.</summary>
    public bool RequireTwoFactor { get; private set; }

    /// <summary>When the service's operator suspended the organization; null while it is in use.</summary>
    public DateTime? SuspendedAt { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public IReadOnlyCollection<Membership> Memberships => _memberships.AsReadOnly();

    public IReadOnlyCollection<IDomainEvent> DomainEvents => _events.AsReadOnly();

    public void ClearDomainEvents() => _events.Clear();

    /// <summary>Creates an organization whose first owner is <paramref name="ownerUserId"/>.</summary>
    public static Organization Create(string name, string? defaultCurrency, Guid ownerUserId, DateTime now)
    {
        var currency = defaultCurrency ?? Currency.Default;
        BusinessRules.Check(new CurrencyMustBeIso4217(currency));
        var organization = new Organization
        {
            Id = NewId(),
            Name = name.Trim(),
            DefaultCurrency = currency,
            CreatedAt = now,
            UpdatedAt = now,
        };
        organization._memberships.Add(new Membership(organization.Id, ownerUserId, MemberRole.Owner, now));
        return organization;
    }

    public Membership? FindMember(Guid userId) => _memberships.Find(m => m.UserId == userId);

    /// <summary>Changes the settings that are given; null leaves a setting as it is.</summary>
    public void ChangeSettings(Actor actor, string? name, string? defaultCurrency, DateTime now, string? timeZone = null)
    {
        BusinessRules.Check(new ActorMustAdministerOrganization(actor));
        if (timeZone is not null)
        {
            BusinessRules.Check(new TimeZoneIsIana(timeZone));
            TimeZone = timeZone;
        }

        if (defaultCurrency is not null)
        {
            BusinessRules.Check(new CurrencyMustBeIso4217(defaultCurrency));
            DefaultCurrency = defaultCurrency;
        }

        if (name is not null)
        {
            Name = name.Trim();
        }

        UpdatedAt = now;
        _events.Add(new OrganizationSettingsChanged(Id, actor.UserId));
    }

    /// <summary>Replaces the probabilities of the stages named; the others stay as they are.</summary>
    public void ChangeStageProbabilities(Actor actor, IReadOnlyDictionary<string, int> changes, DateTime now)
    {
        BusinessRules.Check(new ActorMustAdministerOrganization(actor));
        BusinessRules.Check(new StageProbabilitiesAreValid(changes));
        StageProbabilities = StageProbabilities.With(changes);
        UpdatedAt = now;
        _events.Add(new OrganizationSettingsChanged(Id, actor.UserId));
    }

    /// <summary>
    /// Turns the two-factor requirement on or off. Turning it on takes an administrator who has two-factor sign-in;
    /// members without it are then refused until they turn it on (<see cref="MemberMeetsTwoFactorRequirement"/>).
    /// </summary>
    public void ChangeTwoFactorRequirement(Actor actor, bool required, bool actorUsesTwoFactor, DateTime now)
    {
        BusinessRules.Check(new ActorMustAdministerOrganization(actor));
        BusinessRules.Check(new RequirerUsesTwoFactor(required && !RequireTwoFactor, actorUsesTwoFactor));
        RequireTwoFactor = required;
        UpdatedAt = now;
    }

    /// <summary>Moves the organization to another plan, by the service's operator (plans are not for sale in the API).</summary>
    public void ChangePlan(OrganizationPlan plan, DateTime now)
    {
        Plan = plan;
        UpdatedAt = now;
    }

    /// <summary>Shuts every member and API key out of the organization, by the service's operator; its data stays.</summary>
    public void Suspend(DateTime now)
    {
        BusinessRules.Check(new OrganizationMustNotBeSuspended(SuspendedAt is not null));
        SuspendedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Lets the members of a suspended organization in again.</summary>
    public void Resume(DateTime now)
    {
        BusinessRules.Check(new OrganizationMustBeSuspended(SuspendedAt is not null));
        SuspendedAt = null;
        UpdatedAt = now;
    }

    /// <summary>Adds the user of an accepted invitation with the role it was invited with.</summary>
    public Membership Admit(Guid userId, MemberRole role, DateTime now)
    {
        BusinessRules.Check(new UserIsNotYetMember(FindMember(userId) is not null));
        var membership = new Membership(Id, userId, role, now);
        _memberships.Add(membership);
        UpdatedAt = now;
        _events.Add(new MemberAdded(Id, userId, userId));
        return membership;
    }

    /// <summary>
    /// Adds a member by an administrator's act alone, under the role rules. The API never does this (members join by
    /// accepting an invitation); the demo seed does.
    /// </summary>
    public Membership AddMember(Actor actor, Guid userId, MemberRole role, DateTime now)
    {
        BusinessRules.Check(new ActorMustAdministerOrganization(actor));
        BusinessRules.Check(new OnlyOwnerManagesOwners(actor, role == MemberRole.Owner));
        BusinessRules.Check(new UserIsNotYetMember(FindMember(userId) is not null));
        var membership = new Membership(Id, userId, role, now);
        _memberships.Add(membership);
        UpdatedAt = now;
        _events.Add(new MemberAdded(Id, userId, actor.UserId));
        return membership;
    }

    public Membership ChangeMemberRole(Actor actor, Guid userId, MemberRole role, DateTime now)
    {
        var target = RequireMember(userId);
        BusinessRules.Check(new ActorMustAdministerOrganization(actor));
        BusinessRules.Check(new OnlyOwnerManagesOwners(actor, target.Role == MemberRole.Owner || role == MemberRole.Owner));
        BusinessRules.Check(new OrganizationKeepsAnOwner(target, OwnerCount(), role == MemberRole.Owner));
        target.ChangeRole(role, now);
        UpdatedAt = now;
        return target;
    }

    /// <summary>Removes a member; any member may remove itself (leave), others need an administrator.</summary>
    public void RemoveMember(Actor actor, Guid userId, DateTime now)
    {
        var target = RequireMember(userId);
        if (actor.UserId != userId)
        {
            BusinessRules.Check(new ActorMustAdministerOrganization(actor));
            BusinessRules.Check(new OnlyOwnerManagesOwners(actor, target.Role == MemberRole.Owner));
        }

        BusinessRules.Check(new OrganizationKeepsAnOwner(target, OwnerCount(), TargetStaysOwner: false));
        _memberships.Remove(target);
        UpdatedAt = now;
        _events.Add(new MemberRemoved(Id, userId, target.Role, target.CreatedAt, actor.UserId));
    }

    private int OwnerCount() => _memberships.Count(m => m.Role == MemberRole.Owner);

    private Membership RequireMember(Guid userId) =>
        FindMember(userId) ?? throw new BusinessRuleException(ErrorCatalog.MemberNotFound);
}
