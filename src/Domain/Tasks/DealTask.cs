using Crm.Domain.Common;
using Crm.Domain.Deals;
using Crm.Domain.Deals.Events;
using Crm.Domain.Errors;
using Crm.Domain.Organizations;
using Crm.Domain.Records.Rules;
using Crm.Domain.Tasks.Events;
using Crm.Domain.Tasks.Rules;

namespace Crm.Domain.Tasks;

/// <summary>A to-do on a deal. Who may change it follows the deal's ownership.</summary>
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

    public Guid DealId { get; private set; }

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

    /// <param name="today">Today's date in UTC: a due date may be today, never earlier.</param>
    public static DealTask Create(
        Deal deal, Actor actor, string title, string? description, DateOnly? dueDate, DateOnly today, DateTime now)
    {
        EnsureMayChangeTasksOf(deal, actor);
        BusinessRules.Check(new DueDateNotInPast(dueDate, today));
        var task = new DealTask
        {
            Id = NewId(),
            OrganizationId = deal.OrganizationId,
            DealId = deal.Id,
            Title = title.Trim(),
            Description = string.IsNullOrWhiteSpace(description) ? null : description,
            DueDate = dueDate,
            CreatedAt = now,
            UpdatedAt = now,
        };
        task._events.Add(new TaskCreated(task.OrganizationId, deal.Id, task.Id, actor.UserId, task.Title));
        return task;
    }

    public void Update(Deal deal, Actor actor, TaskChanges changes, DateOnly today, DateTime now)
    {
        EnsureMayChangeTasksOf(deal, actor);
        var before = (Title, Description, DueDate, IsDone);
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
        if (fieldChanges.Count > 0)
        {
            _events.Add(new TaskUpdated(OrganizationId, DealId, Id, actor.UserId, fieldChanges));
        }

        // Announced after the update, as a deal's win follows its status change.
        if (IsDone && !before.IsDone)
        {
            _events.Add(new TaskCompleted(OrganizationId, DealId, Id, actor.UserId, Title));
        }
    }

    /// <summary>Checks that the actor may delete the task, and announces it.</summary>
    public void Delete(Deal deal, Actor actor)
    {
        EnsureMayChangeTasksOf(deal, actor);
        _events.Add(new TaskDeleted(OrganizationId, DealId, Id, actor.UserId));
    }

    private static void Track<T>(List<FieldChange> changes, string field, T from, T to)
    {
        if (!EqualityComparer<T>.Default.Equals(from, to))
        {
            changes.Add(new FieldChange(field, from, to));
        }
    }

    private static void EnsureMayChangeTasksOf(Deal deal, Actor actor) =>
        BusinessRules.Check(new ActorMayChangeRecord(actor, deal.OwnerId, ErrorCatalog.NotDealOwner));
}

public sealed record TaskChanges(
    Optional<string> Title = default,
    Optional<string?> Description = default,
    Optional<DateOnly?> DueDate = default,
    Optional<bool> IsDone = default);

public sealed record TaskCreated(Guid OrganizationId, Guid DealId, Guid TaskId, Guid ActorId, string Title) : IDomainEvent;

public sealed record TaskCompleted(Guid OrganizationId, Guid DealId, Guid TaskId, Guid ActorId, string Title) : IDomainEvent;
