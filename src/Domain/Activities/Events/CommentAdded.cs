using Crm.Domain.Common;

namespace Crm.Domain.Activities.Events;

/// <summary>A person (or an API key) commented on a deal's timeline.</summary>
public sealed record CommentAdded(Guid OrganizationId, Guid DealId, Guid ActivityId, Guid AuthorId) : IDomainEvent;
