using Crm.Application.AuditLogs.Common;
using FluentValidation;

namespace Crm.Application.AuditLogs.Queries.ExportAuditLogs;

public sealed class ExportAuditLogsValidator : AbstractValidator<ExportAuditLogsQuery>
{
    public ExportAuditLogsValidator() => Include(new AuditLogFilterValidator());
}
