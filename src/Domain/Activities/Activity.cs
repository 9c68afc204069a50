using Crm.Domain.Activities.Events;
using Crm.Domain.Activities.Rules;
using Crm.Domain.Auditing;
using Crm.Domain.Common;
using Crm.Domain.Organizations;

namespace Crm.Domain.Activities;

/// <summary>
/// One entry of the timelines of the records it links (a deal, a contact, a company) and of the organization's feed.
/// The system's entries are written once, never changed; people's logged notes, calls, meetings and emails are edited
/// by their author or a manager.
/// </summary>
public sealed class Activity : Entity, ITenantOwned, ICreationOrdered, IHasDomainEvents
{
    public const int CommentMaxLength = 5000;

    private readonly List<IDomainEvent> _events = [];

    private Activity()
    {
        Payload = "{}";
    }

    public Guid OrganizationId { get; private set; }

    public Guid? DealId { get; private set; }

    public Guid? ContactId { get; private set; }

    public Guid? CompanyId { get; private set; }

    public Guid AuthorId { get; private set; }

    /// <summary>Whether <see cref="AuthorId"/> is a person or an API key.</summary>
    public ActorType AuthorType { get; private set; }

    public ActivityType Type { get; private set; }

    /// <summary>The entry's details as a JSON object; its shape depends on <see cref="Type"/>.</summary>
    public string Payload { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>A logged activity's subject (optional).</summary>
    public string? Subject { get; private set; }

    /// <summary>A logged activity's text; a comment keeps its text in the payload.</summary>
    public string? Body { get; private set; }

    /// <summary>When a logged activity took place, as its author says; null for other entries.</summary>
    public DateTime? OccurredAt { get; private set; }

    public int? DurationMinutes { get; private set; }

    public string? Outcome { get; private set; }

    /// <summary>The members of the organization that a comment's or a note's text mentions.</summary>
    public Guid[] Mentions { get; private set; } = [];

    /// <summary>When a logged activity was last edited; null when never.</summary>
    public DateTime? UpdatedAt { get; private set; }

    public IReadOnlyCollection<IDomainEvent> DomainEvents => _events.AsReadOnly();

    public void ClearDomainEvents() => _events.Clear();

    /// <summary>Records an entry on a deal's timeline; <paramref name="payload"/> is a JSON object. A comment is announced.</summary>
    public static Activity Record(
        Guid organizationId, Guid dealId, Guid authorId, ActivityType type, string payload, DateTime now,
        ActorType authorType = ActorType.User) =>
        Record(organizationId, ActivityLinks.OfDeal(dealId), authorId, type, payload, now, authorType);

    /// <summary>Records an entry on the timelines of <paramref name="links"/>. A comment is announced.</summary>
    public static Activity Record(
        Guid organizationId, ActivityLinks links, Guid authorId, ActivityType type, string payload, DateTime now,
        ActorType authorType = ActorType.User, IReadOnlyCollection<Guid>? mentions = null)
    {
        var activity = new Activity
        {
            Id = NewId(),
            OrganizationId = organizationId,
            DealId = links.DealId,
            ContactId = links.ContactId,
            CompanyId = links.CompanyId,
            Mentions = [.. mentions ?? []],
            AuthorId = authorId,
            AuthorType = authorType,
            Type = type,
            Payload = payload,
            CreatedAt = now,
        };
        if (type == ActivityType.Comment && links.DealId is { } dealId)
        {
            activity._events.Add(new CommentAdded(organizationId, dealId, activity.Id, authorId));
        }

        return activity;
    }

    /// <summary>
    /// A note, call, meeting or email that a person logs on one or more records; <paramref name="mentions"/> are the
    /// members its body mentions (notes only).
    /// </summary>
    public static Activity Log(
        Guid organizationId, ActivityLinks links, Guid authorId, ActorType authorType, ActivityType type,
        LoggedActivity details, IReadOnlyCollection<Guid> mentions, DateTime now)
    {
        BusinessRules.Check(new LoggedActivityIsValid(type, links));
        var activity = new Activity
        {
            Id = NewId(),
            OrganizationId = organizationId,
            DealId = links.DealId,
            ContactId = links.ContactId,
            CompanyId = links.CompanyId,
            AuthorId = authorId,
            AuthorType = authorType,
            Type = type,
            CreatedAt = now,
            Mentions = ActivityLimits.MayMention(type) ? [.. mentions] : [],
        };
        activity.Set(details);
        activity._events.Add(new ActivityLogged(organizationId, activity.Id, authorId));
        return activity;
    }

    /// <summary>Replaces a logged activity's details; only its author or a manager may.</summary>
    public void Edit(Actor actor, LoggedActivity details, IReadOnlyCollection<Guid> mentions, DateTime now)
    {
        BusinessRules.Check(new OnlyPeoplesEntriesChange(Type, Deleting: false));
        BusinessRules.Check(new ActorMayChangeActivity(actor, AuthorId));
        Set(details);
        Mentions = ActivityLimits.MayMention(Type) ? [.. mentions] : [];
        UpdatedAt = now;
        _events.Add(new ActivityEdited(OrganizationId, Id, actor.UserId));
    }

    /// <summary>Checks that the actor may delete this logged activity or comment, and announces it.</summary>
    public void Delete(Actor actor)
    {
        BusinessRules.Check(new OnlyPeoplesEntriesChange(Type, Deleting: true));
        BusinessRules.Check(new ActorMayChangeActivity(actor, AuthorId));
        _events.Add(new ActivityDeleted(OrganizationId, Id, actor.UserId));
    }

    private void Set(LoggedActivity details)
    {
        Subject = details.Subject;
        Body = details.Body;
        OccurredAt = details.OccurredAt;
        DurationMinutes = details.DurationMinutes;
        Outcome = details.Outcome;
    }
}
