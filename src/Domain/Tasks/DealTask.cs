using Crm.Domain.Common;
using Crm.Domain.Companies;
using Crm.Domain.Contacts;
using Crm.Domain.Deals;
using Crm.Domain.Deals.Events;
using Crm.Domain.Errors;
using Crm.Domain.Organizations;
using Crm.Domain.Records;
using Crm.Domain.Tasks.Events;
using Crm.Domain.Tasks.Rules;

namespace Crm.Domain.Tasks;

/// <summary>
/// A to-do on a deal, a contact or a company (exactly one), assigned to a member. Who may change it follows the linked record's
/// ownership and the assignment.
/// </summary>
public sealed class DealTask : Entity, ITenantOwned, IHasDomainEvents, IVersioned
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 5000;

    private readonly List<IDomainEvent> _events = [];

    private DealTask()
    {
        Title = string.Empty;
    }

    public Guid OrganizationId { get; private set; }

    /// <summary>The deal the task is on; null when it is on a contact.</summary>
    public Guid? DealId { get; private set; }

    /// <summary>The contact the task is on; null when it is on a deal or a company.</summary>
    public Guid? ContactId { get; private set; }

    /// <summary>The company the task is on; null when it is on a deal or a contact.</summary>
    public Guid? CompanyId { get; private set; }

    /// <summary>The member (or API key) the task is for; null once that member has left the organization.</summary>
    public Guid? AssigneeId { get; private set; }

    public string Title { get; private set; }

    public string? Description { get; private set; }

    public DateOnly? DueDate { get; private set; }

    public bool IsDone { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>Set by the store on every write, never by the task itself.</summary>
    public uint Version { get; private set; }

    public IReadOnlyCollection<IDomainEvent> DomainEvents => _events.AsReadOnly();

    public void ClearDomainEvents() => _events.Clear();

    /// <param name="record">The deal or contact the task is on.</param>
    /// <param name="assigneeId">A member of the organization (checked by the caller); null means the actor.</param>
    /// <param name="today">Today in the organization's time zone: a due date may be today, never earlier.</param>
    public static DealTask Create(
        OwnedRecord record, Actor actor, string title, string? description, DateOnly? dueDate, DateOnly today, DateTime now,
        Guid? assigneeId = null)
    {
        var refusal = RefusalFor(record);
        BusinessRules.Check(new ActorMayChangeTask(actor, record.OwnerId, null, refusal));
        BusinessRules.Check(new DueDateNotInPast(dueDate, today));
        var task = new DealTask
        {
            Id = NewId(),
            OrganizationId = record.OrganizationId,
            DealId = record is Deal ? record.Id : null,
            ContactId = record is Contact ? record.Id : null,
            CompanyId = record is Company ? record.Id : null,
            AssigneeId = assigneeId ?? actor.UserId,
            Title = title.Trim(),
            Description = string.IsNullOrWhiteSpace(description) ? null : description,
            DueDate = dueDate,
            CreatedAt = now,
            UpdatedAt = now,
        };
        task._events.Add(new TaskCreated(task.OrganizationId, task.DealId, task.Id, actor.UserId, task.Title));
        if (task.AssigneeId != actor.UserId)
        {
            task._events.Add(new TaskAssigned(task.OrganizationId, task.DealId, task.Id, actor.UserId, task.Title, null, task.AssigneeId));
        }

        return task;
    }

    /// <param name="record">The deal or contact the task is on.</param>
    public void Update(OwnedRecord record, Actor actor, TaskChanges changes, DateOnly today, DateTime now)
    {
        EnsureIsOn(record);
        BusinessRules.Check(new ActorMayChangeTask(actor, record.OwnerId, AssigneeId, RefusalFor(record)));
        var before = (Title, Description, DueDate, IsDone, AssigneeId);
        if (changes.AssigneeId is { IsSet: true, Value: var assignee })
        {
            AssigneeId = assignee;
        }

        if (changes.DueDate.IsSet && changes.DueDate.Value != DueDate)
        {
            BusinessRules.Check(new DueDateNotInPast(changes.DueDate.Value, today));
            DueDate = changes.DueDate.Value;
        }

        if (changes.Title.IsSet)
        {
            Title = changes.Title.Value.Trim();
        }

        if (changes.Description.IsSet)
        {
            Description = string.IsNullOrWhiteSpace(changes.Description.Value) ? null : changes.Description.Value;
        }

        if (changes.IsDone is { IsSet: true, Value: var done } && done != IsDone)
        {
            IsDone = done;
            CompletedAt = done ? now : null;
        }

        UpdatedAt = now;

        var fieldChanges = new List<FieldChange>();
        Track(fieldChanges, "title", before.Title, Title);
        Track(fieldChanges, "description", before.Description, Description);
        Track(fieldChanges, "due_date", before.DueDate, DueDate);
        Track(fieldChanges, "is_done", before.IsDone, IsDone);
        Track(fieldChanges, "assignee_id", before.AssigneeId, AssigneeId);
        if (fieldChanges.Count > 0)
        {
            _events.Add(new TaskUpdated(OrganizationId, DealId, Id, actor.UserId, fieldChanges));
        }

        if (AssigneeId != before.AssigneeId)
        {
            _events.Add(new TaskAssigned(OrganizationId, DealId, Id, actor.UserId, Title, before.AssigneeId, AssigneeId));
        }

        // Announced after the update, as a deal's win follows its status change.
        if (IsDone && !before.IsDone)
        {
            _events.Add(new TaskCompleted(OrganizationId, DealId, Id, actor.UserId, Title));
        }
    }

    /// <summary>
    /// Checks that the actor may delete the task, and announces it. Being its assignee is not enough: deleting is for
    /// those who own the record it is on.
    /// </summary>
    public void Delete(OwnedRecord record, Actor actor)
    {
        EnsureIsOn(record);
        BusinessRules.Check(new ActorMayChangeTask(actor, record.OwnerId, null, RefusalFor(record)));
        _events.Add(new TaskDeleted(OrganizationId, DealId, Id, actor.UserId));
    }

    private static void Track<T>(List<FieldChange> changes, string field, T from, T to)
    {
        if (!EqualityComparer<T>.Default.Equals(from, to))
        {
            changes.Add(new FieldChange(field, from, to));
        }
    }

    /// <summary>
    /// Leaves the task to nobody, as its assignee left the organization: it stays listed (assignee_id=none) for
    /// someone to take over rather than vanishing with the person.
    /// </summary>
    public void ReleaseAssignee(Guid actorId, DateTime now)
    {
        if (AssigneeId is not { } before)
        {
            return;
        }

        AssigneeId = null;
        UpdatedAt = now;
        _events.Add(new TaskUpdated(OrganizationId, DealId, Id, actorId, [new FieldChange("assignee_id", before, null)]));
        _events.Add(new TaskAssigned(OrganizationId, DealId, Id, actorId, Title, before, null));
    }

    private void EnsureIsOn(OwnedRecord record)
    {
        if (record.Id != (DealId ?? ContactId ?? CompanyId))
        {
            throw new InvalidOperationException($"Task {Id} is not on record {record.Id}.");
        }
    }

    private static Error RefusalFor(OwnedRecord record) => record switch
    {
        Deal => ErrorCatalog.NotDealOwner,
        Contact or Company => ErrorCatalog.NotRecordOwner,
        _ => throw new ArgumentException($"A task is on a deal, a contact or a company, not a {record.GetType().Name}.", nameof(record)),
    };
}

public sealed record TaskChanges(
    Optional<string> Title = default,
    Optional<string?> Description = default,
    Optional<DateOnly?> DueDate = default,
    Optional<bool> IsDone = default,
    Optional<Guid?> AssigneeId = default);

public sealed record TaskCreated(Guid OrganizationId, Guid? DealId, Guid TaskId, Guid ActorId, string Title) : IDomainEvent;

public sealed record TaskCompleted(Guid OrganizationId, Guid? DealId, Guid TaskId, Guid ActorId, string Title) : IDomainEvent;

/// <summary>The task was given to <paramref name="To"/> (null: nobody) from <paramref name="From"/>; <paramref name="DealId"/> is null for a contact's task.</summary>
public sealed record TaskAssigned(Guid OrganizationId, Guid? DealId, Guid TaskId, Guid ActorId, string Title, Guid? From, Guid? To) : IDomainEvent;
