using Crm.Application.Common.Interfaces;
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
