using Crm.Domain.Activities.Events;
using Crm.Domain.Auditing;
using Crm.Domain.Common;

namespace Crm.Domain.Activities;

public enum ActivityType
{
    Comment,
    StatusChanged,
    StageChanged,
    TaskCreated,
    TaskCompleted,
    DealUpdated,
    System,
    TaskAssigned,
}

/// <summary>One entry of a deal's timeline. Written once, never changed.</summary>
public sealed class Activity : Entity, ITenantOwned, ICreationOrdered, IHasDomainEvents
{
    public const int CommentMaxLength = 5000;

    private readonly List<IDomainEvent> _events = [];

    private Activity()
    {
        Payload = "{}";
    }

    public Guid OrganizationId { get; private set; }

    public Guid DealId { get; private set; }

    public Guid AuthorId { get; private set; }

    /// <summary>Whether <see cref="AuthorId"/> is a person or an API key.</summary>
    public ActorType AuthorType { get; private set; }

    public ActivityType Type { get; private set; }

    /// <summary>The entry's details as a JSON object; its shape depends on <see cref="Type"/>.</summary>
    public string Payload { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public IReadOnlyCollection<IDomainEvent> DomainEvents => _events.AsReadOnly();

    public void ClearDomainEvents() => _events.Clear();

    /// <summary>Records an entry; <paramref name="payload"/> is a JSON object. A comment is announced.</summary>
    public static Activity Record(
        Guid organizationId, Guid dealId, Guid authorId, ActivityType type, string payload, DateTime now,
        ActorType authorType = ActorType.User)
    {
        var activity = new Activity
        {
            Id = NewId(),
            OrganizationId = organizationId,
            DealId = dealId,
            AuthorId = authorId,
            AuthorType = authorType,
            Type = type,
            Payload = payload,
            CreatedAt = now,
        };
        if (type == ActivityType.Comment)
        {
            activity._events.Add(new CommentAdded(organizationId, dealId, activity.Id, authorId));
        }

        return activity;
    }
}
