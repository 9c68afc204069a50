using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Specifications;
using Crm.Domain.Auditing;
using Crm.Domain.Organizations;
using FluentValidation;

namespace Crm.Application.AuditLogs.Common;

/// <summary>The filters of the audit log, shared by the list and the export.</summary>
public interface IAuditLogFilter
{
    Guid? ActorId { get; }

    string? EntityType { get; }

    Guid? EntityId { get; }

    string? Action { get; }

    DateTime? From { get; }

    DateTime? To { get; }
}

/// <summary>
/// The organization's audit entries, newest first: changes made in it, and the sign-in events by or about its
/// members.
/// </summary>
public sealed class AuditLogSpecification : Specification<AuditEntry>
{
    public AuditLogSpecification(IReadStore store, Guid organizationId, IAuditLogFilter filter)
    {
        var members = store.Query<Membership>().Where(m => m.OrganizationId == organizationId).Select(m => m.UserId);
        Where(e => e.OrganizationId == organizationId
                   || (e.OrganizationId == null
                       && ((e.ActorId != null && members.Contains(e.ActorId.Value))
                           || (e.EntityType == "user" && e.EntityId != null && members.Contains(e.EntityId.Value)))));
        if (filter.ActorId is { } actor)
        {
            Where(e => e.ActorId == actor);
        }

        if (filter.EntityType is { } type)
        {
            Where(e => e.EntityType == type);
        }

        if (filter.EntityId is { } entity)
        {
            Where(e => e.EntityId == entity);
        }

        if (filter.Action is { } action)
        {
            Where(e => e.Action == action);
        }

        if (filter.From is { } from)
        {
            Where(e => e.CreatedAt >= from);
        }

        if (filter.To is { } to)
        {
            Where(e => e.CreatedAt < to);
        }

        OrderBy(e => e.CreatedAt, descending: true);
        OrderBy(e => e.Id, descending: true);
    }
}

public sealed class AuditLogFilterValidator : AbstractValidator<IAuditLogFilter>
{
    public AuditLogFilterValidator()
    {
        RuleFor(f => f.EntityType).MaximumLength(32);
        RuleFor(f => f.Action).MaximumLength(64);
        RuleFor(f => f.To).GreaterThan(f => f.From).When(f => f.From is not null && f.To is not null)
            .WithMessage("must be after from");
    }
}
