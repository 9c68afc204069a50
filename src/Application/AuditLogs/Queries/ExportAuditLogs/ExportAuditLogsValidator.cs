using Crm.Application.AuditLogs.Common;
using Crm.Application.Common.Models;
using FluentValidation;

namespace Crm.Application.AuditLogs.Queries.ExportAuditLogs;

public sealed class ExportAuditLogsValidator : AbstractValidator<ExportAuditLogsQuery>
{
    public ExportAuditLogsValidator(TimeProvider time)
    {
        Include(new AuditLogFilterValidator());

        // Without from, the export starts that many days before to (its handler says so); with it, no wider.
        RuleFor(q => q.From)
            .Must((q, from) => (q.To ?? time.GetUtcNow().UtcDateTime) - from!.Value <= TimeSpan.FromDays(QueryBounds.MaxExportDays))
            .When(q => q.From is not null)
            .WithMessage($"must be at most {QueryBounds.MaxExportDays} days before to (or now): export longer periods in parts");
    }
}
