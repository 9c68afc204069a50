using FluentValidation;

namespace Crm.Application.AuditLogs.Common;

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
