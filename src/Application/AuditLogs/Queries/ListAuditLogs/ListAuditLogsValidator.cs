using Crm.Application.AuditLogs.Common;
using Crm.Application.Common.Models;
using FluentValidation;

namespace Crm.Application.AuditLogs.Queries.ListAuditLogs;

public sealed class ListAuditLogsValidator : AbstractValidator<ListAuditLogsQuery>
{
    public ListAuditLogsValidator()
    {
        Include(PagingValidator.Instance);
        Include(new AuditLogFilterValidator());
    }
}
